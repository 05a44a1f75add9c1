// Browser tests over the bundled corpus: first page, search with highlights, facets with
// disjunctive counts, history, suggestions by keyboard and the article view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, artifactPath } from '../support/harness.mjs';
import { launchBrowser, openPage, pageProblems } from '../support/browser.mjs';
import {
  until, params, resultIds, waitForResults, waitForParam, facetBox, facetCounts, expandFacet, statusText,
  screenshot,
} from './ui.mjs';

const ISTANBUL = ['002_90cb00061bcb65f3', '003_f84507c056fc63c0'];
const GENEVA = '004_1b57a905ea256f2b';

let server;
let browser;
let page;
let problems;

before(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  ({ page, problems } = await openPage(browser));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('the page opens on every article, newest first, with all facets', async () => {
  await page.goto(`${server.baseUrl}/`);
  const ids = await waitForResults(page, 5);
  assert.equal(new Set(ids).size, 5);
  assert.match(await statusText(page), /^5 stories/);
  assert.equal(await page.locator('#sort').inputValue(), 'newest');
  assert.equal(await page.locator('#results-heading').textContent(), 'Latest articles');
  // Long lists show their top values; "show more" lists the rest.
  const shown = await page.locator('fieldset[data-facet="city"] li.facet-value').count();
  await expandFacet(page, 'city');
  const cities = await facetCounts(page, 'city');
  assert.ok(Object.keys(cities).length >= shown, 'show more lists at least as many');
  assert.equal(cities.Odesa, 5, `city facet: ${JSON.stringify(cities)}`);
  assert.equal(cities.Istanbul, 2);
  assert.equal(cities.Geneva, 1);
  // Every result shows its entities as chips, and undated articles say so.
  assert.equal(await page.locator('#results > li').filter({ has: page.locator('.chips') }).count(), 5);
  assert.equal(await page.locator('#results .meta .undated').count(), 5);
  assert.match(await page.locator('#undated-note').textContent(), /5 matching stories have no date/);
  await screenshot(page, artifactPath('web-first-page.png'));
});

test('a search shows highlighted matches, the count and the time taken', async () => {
  await page.goto(`${server.baseUrl}/`);
  await waitForResults(page, 5);
  await page.locator('#q').fill('Istanbul');
  await page.locator('#q').press('Enter');
  await waitForParam(page, 'q', (v) => v[0] === 'Istanbul');
  await waitForResults(page, ISTANBUL);
  const marks = await page.locator('#results mark').allTextContents();
  assert.ok(marks.length > 0, 'snippets or titles carry <mark>');
  assert.ok(marks.every((m) => /istanbul/i.test(m)), `marked words: ${marks}`);
  assert.match(await statusText(page), /^2 stories in [\d.]+ ms/);
  assert.equal(await page.locator('#results-heading').textContent(), 'Results for “Istanbul”');
  assert.equal(await page.locator('#sort').inputValue(), 'relevance');
  await screenshot(page, artifactPath('web-search-highlights.png'));
});

test('ticking a city filters the results, updates counts and the URL', async () => {
  await page.goto(`${server.baseUrl}/`);
  await waitForResults(page, 5);
  await facetBox(page, 'city', 'Istanbul').check();
  await waitForParam(page, 'city', (v) => v.length === 1 && v[0] === 'Istanbul');
  await waitForResults(page, ISTANBUL);
  assert.match(await statusText(page), /^2 stories/);
  assert.ok(await facetBox(page, 'city', 'Istanbul').isChecked());
  await page.locator('#active-filters .filter-chip', { hasText: 'City: Istanbul' }).waitFor();
  // Disjunctive: the city facet ignores its own selection, so its siblings keep their counts.
  const cities = await facetCounts(page, 'city');
  assert.equal(cities.Odesa, 5);
  assert.equal(cities.Istanbul, 2);
  // The other facets are narrowed to the two Istanbul articles.
  for (const facet of ['country', 'person', 'negotiator', 'region', 'organisation']) {
    const counts = await facetCounts(page, facet);
    for (const [value, count] of Object.entries(counts)) assert.ok(count <= 2, `${facet} ${value}: ${count}`);
  }
  await screenshot(page, artifactPath('web-city-filter.png'));
});

test('ticking a second city ORs them and keeps sibling counts visible', async () => {
  await expandFacet(page, 'city');
  await facetBox(page, 'city', 'Geneva').check();
  await waitForParam(page, 'city', (v) => v.length === 2 && v.includes('Istanbul') && v.includes('Geneva'));
  await waitForResults(page, [...ISTANBUL, GENEVA]);
  const cities = await facetCounts(page, 'city');
  assert.equal(cities.Istanbul, 2);
  assert.equal(cities.Geneva, 1);
  assert.equal(cities.Odesa, 5);
  assert.ok(await facetBox(page, 'city', 'Istanbul').isChecked());
  assert.ok(await facetBox(page, 'city', 'Geneva').isChecked());
  assert.match(await statusText(page), /^3 stories/);
  assert.equal(await page.locator('#active-filters .filter-chip').count(), 2);
  await screenshot(page, artifactPath('web-two-cities.png'));
});

test('Back and Forward walk through the previous states', async () => {
  await page.goBack();
  await waitForParam(page, 'city', (v) => v.length === 1 && v[0] === 'Istanbul');
  await waitForResults(page, ISTANBUL);
  assert.equal(await facetBox(page, 'city', 'Geneva').isChecked(), false);
  assert.ok(await facetBox(page, 'city', 'Istanbul').isChecked());

  await page.goBack();
  await waitForParam(page, 'city', (v) => v.length === 0);
  await waitForResults(page, 5);

  await page.goForward();
  await waitForResults(page, ISTANBUL);
  // A reload keeps the state.
  await page.reload();
  await waitForResults(page, ISTANBUL);
  assert.ok(await facetBox(page, 'city', 'Istanbul').isChecked());
  await screenshot(page, artifactPath('web-back.png'));

  // Removing the filter chip goes back to everything.
  await page.locator('#active-filters .filter-chip', { hasText: 'City: Istanbul' }).click();
  await waitForResults(page, 5);
  assert.equal(params(page).getAll('city').length, 0);
});

test('a filter written in another spelling is shown as the server spells it, once', async () => {
  await page.goto(`${server.baseUrl}/?city=Odessa&city=ODESA`);
  await waitForParam(page, 'city', (v) => v.length === 1 && v[0] === 'Odesa');
  await waitForResults(page, 5);
  assert.ok(await facetBox(page, 'city', 'Odesa').isChecked());
  assert.equal(await facetBox(page, 'city', 'Odessa').count(), 0);
  assert.equal(await facetBox(page, 'city', 'ODESA').count(), 0);
  assert.equal(await page.locator('#active-filters .filter-chip').count(), 1);
  await page.locator('#active-filters .filter-chip', { hasText: 'City: Odesa' }).waitFor();
});

test('suggestions are chosen with the keyboard', async () => {
  await page.goto(`${server.baseUrl}/`);
  await waitForResults(page, 5);
  // "/" focuses the search box from anywhere on the page.
  await page.locator('#results-heading').click();
  await page.keyboard.press('/');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'q');

  const input = page.locator('#q');
  await input.pressSequentially('Istan');
  await page.locator('#suggestions [role="option"]').first().waitFor();
  assert.equal(await input.getAttribute('aria-expanded'), 'true');
  const label = (await page.locator('#suggestions [role="option"] .suggestion-label').first().textContent()).trim();
  assert.match(label, /^istanbul$/i);

  // Escape closes the list, ArrowDown opens it again on the first option.
  await input.press('Escape');
  await page.locator('#suggestions').waitFor({ state: 'hidden' });
  assert.equal(await input.getAttribute('aria-expanded'), 'false');
  await input.press('ArrowDown');
  const first = page.locator('#suggestions [role="option"]').first();
  await until(() => first.getAttribute('aria-selected'), (v) => v === 'true', { message: 'first option selected' });
  assert.equal(await input.getAttribute('aria-activedescendant'), await first.getAttribute('id'));
  await screenshot(page, artifactPath('web-suggestions.png'), { fullPage: false });

  await input.press('Enter');
  await waitForParam(page, 'q', (v) => /^istanbul$/i.test(v[0] || ''));
  await waitForResults(page, ISTANBUL);
  assert.ok(await page.locator('#suggestions').isHidden());
  assert.match(await input.inputValue(), /^istanbul$/i);
});

test('the article view highlights the query, marks entities and links them to filters', async () => {
  await page.goto(`${server.baseUrl}/?q=Geneva`);
  await waitForResults(page, [GENEVA]);
  await page.locator(`#results li[data-id="${GENEVA}"] .result-title a`).click();
  await waitForParam(page, 'doc', (v) => v[0] === GENEVA);
  await page.locator('#article-view .article-body p').first().waitFor();
  assert.ok(await page.locator('#results-view').isHidden());

  const title = await page.locator('#article-title').textContent();
  assert.match(title, /Geneva/);
  assert.ok(await page.locator('#article-view .article-body p').count() > 1, 'paragraphs');
  const marks = await page.locator('#article-view .article-body mark').allTextContents();
  assert.ok(marks.length > 0 && marks.every((m) => /geneva/i.test(m)), `highlights: ${marks}`);
  const mentions = await page.locator('#article-view .entity-mention').allTextContents();
  assert.ok(mentions.some((m) => m === 'Geneva'), `entity mentions: ${mentions.slice(0, 10)}`);

  // Offsets are code points: the marked text is exactly what the API's offsets select.
  const check = await page.evaluate(async (id) => {
    const doc = await (await fetch(`/api/doc/${encodeURIComponent(id)}?q=Geneva`)).json();
    const chars = Array.from(doc.body);
    return doc.highlights.filter((h) => h.field === 'body').map((h) => chars.slice(h.start, h.end).join(''));
  }, GENEVA);
  assert.deepEqual(marks, check);
  await screenshot(page, artifactPath('web-article.png'));

  const link = page.locator('#article-view a.entity-link[data-facet="city"][data-value="Geneva"]');
  await link.click();
  await waitForParam(page, 'doc', (v) => v.length === 0);
  assert.deepEqual(params(page).getAll('city'), ['Geneva']);
  await waitForResults(page, [GENEVA]);
  assert.ok(await facetBox(page, 'city', 'Geneva').isChecked());

  // Back reopens the article.
  await page.goBack();
  await page.locator('#article-view .article-body p').first().waitFor();
  assert.equal(params(page).get('doc'), GENEVA);
});

test('the article view lists related coverage, each opening in the view', async () => {
  await page.goto(`${server.baseUrl}/?doc=${GENEVA}`);
  const items = page.locator('#related .related-item');
  await items.first().waitFor();
  const ids = await items.evaluateAll((lis) => lis.map((li) => li.dataset.id));
  const api = await page.evaluate(async (id) =>
    (await (await fetch(`/api/related/${encodeURIComponent(id)}`)).json()).results.map((r) => r.id), GENEVA);
  assert.deepEqual(ids, api);
  assert.ok(!ids.includes(GENEVA));
  assert.equal(await page.locator('#related-heading').textContent(), 'Related coverage');
  await items.first().locator('a').click();
  await waitForParam(page, 'doc', (v) => v[0] === ids[0]);
  await page.locator('#article-view .article-body p').first().waitFor();
  await page.locator('#related .related-item').first().waitFor();
  assert.ok(!(await page.locator('#related .related-item').evaluateAll((lis) => lis.map((li) => li.dataset.id))).includes(ids[0]));
});

test('the session caused no console errors or CSP violations', async () => {
  assert.deepEqual(await pageProblems(page, problems), []);
  assert.equal(await resultIds(page), null, 'article still open');
});
