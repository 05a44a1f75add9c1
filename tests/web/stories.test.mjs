// Browser tests of stories: a result whose story ran on other sites says "+2 copies" and opens
// the list of its copies, each with its source and date, each opening in the article view.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer, artifactPath, makeTempDir } from '../support/harness.mjs';
import { prose } from '../support/prose.mjs';
import { launchBrowser, openPage, pageProblems } from '../support/browser.mjs';
import { params, waitForParam, waitForResults, screenshot, statusText, writeCorpus } from './ui.mjs';

const REPORT = 'Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct '
  + 'talks and agreed to exchange prisoners of war. ' + prose('istanbul-report', 80);
const ARTICLES = [
  { id: 'wire', title: 'Second round of talks in Istanbul', body: REPORT, date: '2025-05-16', source: 'Wire Service' },
  { id: 'reprint', title: 'Prisoner exchange agreed in Istanbul', body: `ISTANBUL (Reuters) - ${REPORT}`, date: '2025-05-17', source: 'Daily Reprint' },
  { id: 'update', title: 'Istanbul talks end', body: `${REPORT}\n${prose('update', 20)}`, date: '2025-05-18', source: 'Evening Update' },
  { id: 'own', title: 'What the Istanbul talks agreed', body: `Delegations met in Istanbul. ${prose('own', 80)}`, date: '2025-05-16', source: 'Own Reporter' },
];
const COPIES = ['wire', 'reprint', 'update'];

let server;
let browser;
let page;
let problems;

before(async () => {
  const dir = writeCorpus(makeTempDir('talksearch-web-stories-'), ARTICLES);
  [server, browser] = await Promise.all([startServer({ corpus: dir }), launchBrowser()]);
  ({ page, problems } = await openPage(browser));
});

after(async () => {
  await browser?.close();
  await server?.stop();
});

test('a story is one result, and its copies are a click away', async () => {
  await page.goto(`${server.baseUrl}/?q=Istanbul`);
  await waitForResults(page, 2);
  const story = page.locator('#results > li.result', { has: page.locator('.copies-button') });
  assert.equal(await story.count(), 1);
  const shown = await story.getAttribute('data-id');
  assert.ok(COPIES.includes(shown), shown);
  const button = story.locator('.copies-button');
  assert.equal((await button.textContent()).trim(), '+2 copies');
  assert.equal(await button.getAttribute('aria-expanded'), 'false');

  await button.click();
  const copies = story.locator('.copies-list > li.copy');
  await copies.nth(1).locator('a').waitFor();
  assert.equal(await button.getAttribute('aria-expanded'), 'true');
  const ids = await copies.evaluateAll((items) => items.map((li) => li.dataset.id));
  assert.deepEqual([...ids].sort(), COPIES.filter((id) => id !== shown).sort());
  for (const id of ids) {
    const article = ARTICLES.find((a) => a.id === id);
    const item = story.locator(`.copies-list > li[data-id="${id}"]`);
    assert.equal((await item.locator('a').textContent()).trim(), article.title);
    assert.equal(await item.locator('.source').textContent(), article.source);
    assert.equal(await item.locator('time').getAttribute('datetime'), article.date);
  }
  await screenshot(page, artifactPath('web-stories-copies.png'));

  // A copy opens in the article view.
  await copies.first().locator('a').click();
  await waitForParam(page, 'doc', (v) => v[0] === ids[0]);
  await page.locator('#article-view h2').first().waitFor();
  assert.equal(params(page).get('doc'), ids[0]);
});

test('closing the list hides the copies', async () => {
  await page.goto(`${server.baseUrl}/?q=Istanbul`);
  await waitForResults(page, 2);
  const button = page.locator('.copies-button');
  await button.click();
  await page.locator('.copies-list > li.copy').first().waitFor();
  await button.click();
  assert.equal(await button.getAttribute('aria-expanded'), 'false');
  assert.equal(await page.locator('.copies-list').isHidden(), true);
  assert.equal((await button.textContent()).trim(), '+2 copies');
});

test('the status, the facets and the chart count stories, not their copies', async () => {
  await page.goto(`${server.baseUrl}/?q=Istanbul`);
  await waitForResults(page, 2);
  assert.match(await statusText(page), /^2 stories/);
  const istanbul = page.locator('.facet[data-facet="city"] .facet-value[data-value="Istanbul"]');
  assert.equal(await istanbul.getAttribute('data-count'), '2');  // four articles
  assert.equal((await istanbul.locator('.visually-hidden').last().textContent()).trim(), 'stories');
  const may = page.locator('#chart .chart-bar[data-month="2025-05"] title');
  assert.equal(await may.textContent(), 'May 2025: 2 stories');
});

test('no console errors or CSP violations', async () => {
  assert.deepEqual(await pageProblems(page, problems), []);
});
