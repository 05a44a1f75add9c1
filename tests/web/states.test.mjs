// Browser tests of the UI's other states over the bundled corpus: corrected typos, the empty
// state and its buttons, API errors, an unknown article, results without a shard that does not
// answer, and the phone and dark layouts.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir, paths, artifactPath } from '../support/harness.mjs';
import { launchBrowser, openPage, pageProblems, PHONE, DESKTOP } from '../support/browser.mjs';
import { params, waitForResults, waitForParam, facetBox, statusText, screenshot, until } from './ui.mjs';

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

test('a typo shows its correction\'s results; "search instead" and "did you mean" go back and forth', async () => {
  await page.goto(`${server.baseUrl}/?q=Istanbol`);
  await waitForResults(page, ISTANBUL);
  const message = page.locator('#did-you-mean');
  assert.match(await message.textContent(), /^Showing results for istanbul\. Search instead for Istanbol\.$/i);
  // The query as typed, on request: nothing, with the correction offered.
  await page.locator('#did-you-mean a.as-typed').click();
  await waitForParam(page, 'correct', (v) => v[0] === 'false');
  assert.deepEqual(params(page).getAll('q'), ['Istanbol']);
  await page.locator('#empty h3', { hasText: 'No articles match' }).waitFor();
  const link = page.locator('#did-you-mean a.corrected');
  await link.waitFor();
  const corrected = await link.textContent();
  assert.match(corrected, /^istanbul$/i);
  await link.click();
  await waitForParam(page, 'q', (v) => v[0] === corrected);
  assert.deepEqual(params(page).getAll('correct'), []);
  await waitForResults(page, ISTANBUL);
  assert.ok(await page.locator('#did-you-mean').isHidden());
  assert.deepEqual(await pageProblems(page, problems), []);
});

test('the empty state offers buttons that drop filters', async () => {
  await page.goto(`${server.baseUrl}/?q=Geneva&city=Istanbul`);
  await page.locator('#empty h3', { hasText: 'No articles match' }).waitFor();
  assert.match(await statusText(page), /^0 stories/);
  assert.equal(await page.locator('#results > li').count(), 0);
  await screenshot(page, artifactPath('web-empty-state.png'));
  await page.locator('#empty button', { hasText: 'Remove City: Istanbul' }).click();
  await waitForResults(page, [GENEVA]);
  assert.deepEqual(params(page).getAll('city'), []);
  assert.equal(params(page).get('q'), 'Geneva');

  // The query part can be dropped too, keeping the filter.
  await page.goto(`${server.baseUrl}/?q=Geneva&city=Istanbul`);
  await page.locator('#empty button', { hasText: 'drop the words' }).click();
  await waitForResults(page, ISTANBUL);
  assert.equal(params(page).get('q'), null);
  assert.deepEqual(params(page).getAll('city'), ['Istanbul']);
  assert.deepEqual(await pageProblems(page, problems), []);
});

test('API errors are shown as a readable message', async () => {
  assert.deepEqual(await pageProblems(page, problems), []);
  await page.goto(`${server.baseUrl}/?from=2025-13-01`);
  const error = page.locator('#error .error-message');
  await error.waitFor();
  const expected = await page.evaluate(async () => (await (await fetch('/api/search?from=2025-13-01')).json()).error.message);
  assert.equal(await error.textContent(), expected);
  assert.equal(await page.locator('#results > li').count(), 0);
  await screenshot(page, artifactPath('web-api-error.png'));

  // A day that does not exist is shown as typed, not rolled over to another; the sort control
  // follows the URL though the search failed.
  await page.goto(`${server.baseUrl}/?q=talks&from=2025-02-30&sort=oldest`);
  await error.waitFor();
  assert.match(await page.locator('#active-filters').textContent(), /2025-02-30/);
  assert.equal(await page.locator('#sort').inputValue(), 'oldest');
  // A month that does not exist too, without a day it never had.
  await page.goto(`${server.baseUrl}/?q=talks&from=2025-13`);
  await page.waitForFunction(() => /2025-13/.test(document.querySelector('#error')?.textContent || ''));
  const chip = await page.locator('#active-filters').textContent();
  assert.match(chip, /from 2025-13(?!-)/);

  // A search that fails after one that worked leaves none of its counts or months to click.
  await page.goto(`${server.baseUrl}/?q=Istanbul&city=Istanbul`);
  await waitForResults(page, ISTANBUL);
  assert.ok(await facetBox(page, 'city', 'Odesa').count());
  await page.locator('#q').fill('Istanbul AND');
  await page.locator('#q').press('Enter');
  await error.waitFor();
  assert.equal(await facetBox(page, 'city', 'Odesa').count(), 0);
  assert.equal(await page.locator('#chart .chart-bar').count(), 0);
  assert.ok(await facetBox(page, 'city', 'Istanbul').isChecked());

  await page.goto(`${server.baseUrl}/?doc=no-such-article`);
  await page.locator('#article-view .error-message').waitFor();
  await page.locator('#article-view .back-link').click();
  await waitForResults(page, 5);
  // The browser logs the provoked 400 and 404 answers; nothing else may have gone wrong.
  const unexpected = problems.filter((p) => !/\b(400|404)\b/.test(p));
  assert.deepEqual(unexpected, []);
  problems.length = 0;
});

test('results without a shard that does not answer say so', async () => {
  // An index of two shards, one of them missing: searchd answers from the other.
  const dir = makeTempDir('talksearch-partial-');
  let partial;
  try {
    const indexed = runIndexer(path.join(dir, 'db'), [paths.corpus]);
    assert.equal(indexed.status, 0, indexed.stderr);
    writeFileSync(path.join(dir, 'index.stub'), 'auto db\nauto missing\n');
    partial = await startServer({ dbDir: path.join(dir, 'index.stub') });
    await page.goto(`${partial.baseUrl}/?q=Istanbul`);
    await waitForResults(page, ISTANBUL);
    const notice = page.locator('#partial');
    await notice.waitFor();
    assert.match(await notice.textContent(), /from 1 of its 2 parts/);
    await screenshot(page, artifactPath('web-partial-results.png'));
    // A whole index: no notice.
    await page.goto(`${server.baseUrl}/?q=Istanbul`);
    await waitForResults(page, ISTANBUL);
    assert.ok(await notice.isHidden());
    assert.deepEqual(await pageProblems(page, problems), []);
  } finally {
    await partial?.stop();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('phone layout: the filters open as a panel', async () => {
  await page.setViewportSize(PHONE);
  await page.goto(`${server.baseUrl}/`);
  await waitForResults(page, 5);
  assert.ok(await page.locator('#sidebar').isHidden(), 'sidebar collapsed');
  const width = await page.evaluate(() => document.documentElement.scrollWidth);
  assert.ok(width <= PHONE.width, `no horizontal scrolling (${width}px)`);
  await screenshot(page, artifactPath('web-phone.png'), { fullPage: false });

  await page.locator('#filters-toggle').click();
  await page.locator('#sidebar').waitFor();
  assert.equal(await page.locator('#filters-toggle').getAttribute('aria-expanded'), 'true');
  await facetBox(page, 'city', 'Istanbul').check();
  await waitForResults(page, ISTANBUL);
  await until(() => page.locator('#sidebar-close').textContent(), (t) => t === 'Show 2 results', { message: 'close button count' });
  await screenshot(page, artifactPath('web-phone-filters.png'), { fullPage: false });
  await page.locator('#sidebar-close').click();
  assert.ok(await page.locator('#sidebar').isHidden());
  assert.equal(await page.locator('#filters-count').textContent(), '1');

  await page.goto(`${server.baseUrl}/?q=Geneva&doc=${GENEVA}`);
  await page.locator('#article-view .article-body p').first().waitFor();
  await screenshot(page, artifactPath('web-phone-article.png'), { fullPage: false });
  assert.deepEqual(await pageProblems(page, problems), []);
});

test('back from an article, the results are where the reader left them', async () => {
  await page.setViewportSize({ width: PHONE.width, height: 420 });
  await page.goto(`${server.baseUrl}/?q=talks`);
  await waitForResults(page, 5);
  const link = page.locator('#results > li .result-title a').last();
  await link.scrollIntoViewIfNeeded();
  const left = await page.evaluate(() => window.scrollY);
  assert.ok(left > 100, `the results scroll (${left}px)`);
  for (const back of [
    () => page.locator('#article-view .back-link').click(),
    () => page.goBack(),
  ]) {
    await link.click();
    await page.locator('#article-view .article-body p').first().waitFor();
    assert.equal(await page.evaluate(() => window.scrollY), 0, 'the article opens at its top');
    await back();
    await waitForResults(page, 5);
    await until(() => page.evaluate(() => window.scrollY), (y) => Math.abs(y - left) <= 2,
      { message: `the scroll position of the results, ${left}px` });
  }
  assert.deepEqual(await pageProblems(page, problems), []);
});

test('dark colour scheme', async () => {
  await page.setViewportSize(DESKTOP);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(`${server.baseUrl}/?q=Odesa&city=Istanbul`);
  await waitForResults(page, ISTANBUL);
  const [bg, fg] = await page.evaluate(() => {
    const style = getComputedStyle(document.body);
    return [style.backgroundColor, style.color];
  });
  const lum = (c) => c.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
  assert.ok(lum(bg) < 60 && lum(fg) > 180, `dark background ${bg}, light text ${fg}`);
  await screenshot(page, artifactPath('web-dark.png'), { fullPage: false });
  await page.goto(`${server.baseUrl}/?q=Geneva&doc=${GENEVA}`);
  await page.locator('#article-view .article-body p').first().waitFor();
  await screenshot(page, artifactPath('web-dark-article.png'), { fullPage: false });
  assert.deepEqual(await pageProblems(page, problems), []);
});
