// Browser tests over a small dated corpus: the month chart (click and drag), the undated note,
// the date inputs, sorting by date and pagination.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, artifactPath, makeTempDir } from '../support/harness.mjs';
import { prose } from '../support/prose.mjs';
import { launchBrowser, openPage, pageProblems } from '../support/browser.mjs';
import {
  until, params, waitForResults, waitForParam, statusText, screenshot, writeCorpus,
} from './ui.mjs';

// Articles per month: Jan 3, Feb 0, Mar 5, Apr 2, May 0, Jun 4; and two undated ones.
const DAYS = {
  '2025-01': ['2025-01-08', '2025-01-15', '2025-01-27'],
  '2025-03': ['2025-03-02', '2025-03-09', '2025-03-14', '2025-03-21', '2025-03-30'],
  '2025-04': ['2025-04-04', '2025-04-18'],
  '2025-06': ['2025-06-01', '2025-06-10', '2025-06-19', '2025-06-28'],
};
const CITIES = ['Istanbul', 'Geneva', 'Riyadh', 'Kyiv'];

function article(date, n) {
  const city = CITIES[n % CITIES.length];
  return {
    id: `dated-${String(n).padStart(2, '0')}`,
    title: `Round ${n} of prisoner exchange talks held in ${city}`,
    body: `Delegations from Russia and Ukraine met in ${city} on ${date} for round ${n} of talks on a prisoner exchange.\n\n`
      + `Officials said the humanitarian track was making slow progress, while the question of a ceasefire remained open. `
      + `Negotiators agreed to meet again and to continue working on lists of detainees.\n\n`
      + `Observers noted that the talks in ${city} followed weeks of drone and missile strikes on both sides.\n\n`
      + prose(`dated-${n}`, 80),
    date,
    source: 'Test Wire',
    url: `https://example.org/news/${n}`,
  };
}

const ARTICLES = Object.values(DAYS).flat().map((date, i) => article(date, i + 1));
const TOTAL = ARTICLES.length + 2;

let server;
let browser;
let page;
let problems;

before(async () => {
  const dir = writeCorpus(makeTempDir('talksearch-web-dates-'), ARTICLES, {
    'undated-one.txt': 'Undated note on the prisoner exchange talks\n\nA short report without a date about the prisoner exchange talks between Russia and Ukraine, and the humanitarian questions that remain open.\n',
    'undated-two.md': '# Undated briefing on ceasefire talks\n\nBackground briefing on the ceasefire talks and the prisoner exchange, with no date given anywhere in the text.\n',
  });
  [server, browser] = await Promise.all([startServer({ corpus: dir }), launchBrowser()]);
  ({ page, problems } = await openPage(browser));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

async function barCenter(month) {
  const box = await page.locator(`#chart .chart-bar[data-month="${month}"] .chart-hit`).boundingBox();
  assert.ok(box, `bar for ${month}`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test('the chart shows articles per month and says how many are undated', async () => {
  await page.goto(`${server.baseUrl}/`);
  await waitForResults(page, 10);
  assert.match(await statusText(page), new RegExp(`^${TOTAL} stories`));
  const months = await page.locator('#chart .chart-bar').evaluateAll((bars) => bars.map((b) => b.dataset.month));
  assert.deepEqual(months, ['2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06']);
  const heights = await page.locator('#chart .chart-fill').evaluateAll((rects) => rects.map((r) => Number(r.getAttribute('height'))));
  assert.equal(heights[1], 0, 'February is empty');
  assert.ok(heights[2] > heights[0] && heights[0] > heights[3], `bar heights follow the counts: ${heights}`);
  assert.match(await page.locator('#undated-note').textContent(), /^2 matching stories have no date/);
  // Newest first by default; dates are shown.
  assert.equal(await page.locator('#results > li').first().locator('time').getAttribute('datetime'), '2025-06-28');
  await screenshot(page, artifactPath('web-dates-chart.png'));
});

test('clicking a month selects it', async () => {
  const { x, y } = await barCenter('2025-03');
  await page.mouse.click(x, y);
  await waitForParam(page, 'from', (v) => v[0] === '2025-03-01');
  assert.equal(params(page).get('to'), '2025-03-31');
  await waitForResults(page, 5);
  assert.equal(await page.locator('#date-from').inputValue(), '2025-03-01');
  assert.equal(await page.locator('#date-to').inputValue(), '2025-03-31');
  assert.match(await page.locator('#undated-note').textContent(), /left out while a date range is set/);
  await page.locator('#active-filters .filter-chip', { hasText: 'Date: 1 Mar 2025 – 31 Mar 2025' }).waitFor();
  // The chart still shows the whole distribution, with the selection picked out.
  assert.equal(await page.locator('#chart .chart-bar').count(), 6);
  assert.equal(await page.locator('#chart .chart-bar.in-range').count(), 1);
  await screenshot(page, artifactPath('web-dates-month.png'));
});

test('dragging across months selects a range', async () => {
  const start = await barCenter('2025-01');
  const end = await barCenter('2025-04');
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(end.x, end.y, { steps: 6 });
  await page.mouse.up();
  await waitForParam(page, 'from', (v) => v[0] === '2025-01-01');
  assert.equal(params(page).get('to'), '2025-04-30');
  await waitForResults(page, 10);
  assert.match(await statusText(page), /^10 stories/);
  assert.equal(await page.locator('#chart .chart-bar.in-range').count(), 4);

  await page.locator('#date-clear').click();
  await waitForParam(page, 'from', (v) => v.length === 0);
  await until(() => statusText(page), (t) => t.startsWith(`${TOTAL} stories`), { message: 'all articles again' });
});

test('the date inputs set the range', async () => {
  await page.locator('#date-from').fill('2025-06-01');
  await waitForParam(page, 'from', (v) => v[0] === '2025-06-01');
  await waitForResults(page, 4);
  await page.locator('#date-to').fill('2025-06-15');
  await waitForParam(page, 'to', (v) => v[0] === '2025-06-15');
  await waitForResults(page, 2);
  await page.goBack();
  await waitForResults(page, 4);
  await page.goBack();
  await waitForResults(page, 10);
  assert.equal(params(page).get('from'), null);
});

test('oldest first, with undated articles last, across pages', async () => {
  await page.goto(`${server.baseUrl}/`);
  await waitForResults(page, 10);
  await page.locator('#sort').selectOption('oldest');
  await waitForParam(page, 'sort', (v) => v[0] === 'oldest');
  await until(() => page.locator('#results > li time').first().getAttribute('datetime'),
    (d) => d === '2025-01-08', { message: 'oldest article first' });

  await page.locator('#pagination a[rel="next"]').click();
  await waitForParam(page, 'page', (v) => v[0] === '2');
  await waitForResults(page, TOTAL - 10);
  const undated = await page.locator('#results > li').evaluateAll((items) => items.map((li) => Boolean(li.querySelector('.meta .undated'))));
  assert.deepEqual(undated, [...Array(TOTAL - 12).fill(false), true, true]);
  assert.equal(await page.locator('#pagination [aria-current="page"]').textContent(), 'Page 2');
  await screenshot(page, artifactPath('web-dates-page2.png'));

  await page.goBack();
  await waitForResults(page, 10);
  assert.equal(params(page).get('page'), null);
});

test('a date range with no articles offers to drop it', async () => {
  await page.goto(`${server.baseUrl}/?from=2025-02&to=2025-02`);
  await page.locator('#empty').waitFor();
  assert.equal(await page.locator('#date-from').inputValue(), '2025-02-01');
  assert.equal(await page.locator('#date-to').inputValue(), '2025-02-28');
  await page.locator('#empty button', { hasText: 'Remove Date' }).click();
  await waitForResults(page, 10);
  assert.equal(params(page).get('from'), null);
});

test('beyond the last page, the step back goes to the last page', async () => {
  await page.goto(`${server.baseUrl}/?page=9`);
  await page.locator('#empty h3').waitFor();
  const previous = page.locator('#pagination a[rel=prev]');
  await previous.waitFor();
  assert.equal(new URL(await previous.getAttribute('href'), server.baseUrl).searchParams.get('page'), '2');
  await previous.click();
  await waitForParam(page, 'page', (v) => v[0] === '2');
  await waitForResults(page, TOTAL - 10);
});

test('no console errors or CSP violations', async () => {
  assert.deepEqual(await pageProblems(page, problems), []);
});
