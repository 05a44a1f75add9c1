// Helpers shared by the browser tests: read the UI's state the way a user sees it.

import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { until } from '../support/browser.mjs';

export { until };

export function params(page) {
  return new URL(page.url()).searchParams;
}

// Ids of the results on screen once no search is in flight.
export async function resultIds(page) {
  return page.evaluate(() => {
    const list = document.getElementById('results');
    if (list.getAttribute('aria-busy') === 'true' || document.getElementById('results-view').hidden) return null;
    return [...list.querySelectorAll(':scope > li')].map((li) => li.dataset.id);
  });
}

// Waits until the result list holds exactly `expected` (an array of ids, in any order) or, if
// `expected` is a number, that many results.
export async function waitForResults(page, expected, message = 'results') {
  return until(() => resultIds(page), (ids) => {
    if (!ids) return false;
    if (typeof expected === 'number') return ids.length === expected;
    return ids.length === expected.length && expected.every((id) => ids.includes(id));
  }, { message: `${message}: ${JSON.stringify(expected)}` });
}

export async function waitForParam(page, name, check, message = `URL parameter ${name}`) {
  return until(() => params(page).getAll(name), check, { message });
}

function attr(value) {
  return JSON.stringify(String(value));
}

export function facetBox(page, facet, value) {
  return page.locator(`fieldset[data-facet=${attr(facet)}] input[type="checkbox"][data-value=${attr(value)}]`);
}

// Opens a facet's "show more" list, if it has one and it is closed.
export async function expandFacet(page, facet) {
  const more = page.locator(`fieldset[data-facet=${attr(facet)}] button.show-more`);
  if (await more.count() && (await more.getAttribute('aria-expanded')) === 'false') {
    await more.click();
    await until(() => more.getAttribute('aria-expanded'), (v) => v === 'true', { message: `${facet} expanded` });
  }
}

// Counts shown in the sidebar for one facet: {value: count}.
export async function facetCounts(page, facet) {
  return page.evaluate((f) => {
    const out = {};
    for (const li of document.querySelectorAll(`fieldset[data-facet="${f}"] li.facet-value`)) {
      out[li.dataset.value] = Number(li.dataset.count);
    }
    return out;
  }, facet);
}

export async function statusText(page) {
  return page.locator('#status').textContent();
}

export async function screenshot(page, file, options = {}) {
  await page.screenshot({ path: file, fullPage: true, ...options });
}

// Writes a JSON Lines corpus into `dir`; `extra` maps file names to raw contents.
export function writeCorpus(dir, articles, extra = {}) {
  writeFileSync(path.join(dir, 'articles.jsonl'), `${articles.map((a) => JSON.stringify(a)).join('\n')}\n`);
  for (const [name, text] of Object.entries(extra)) writeFileSync(path.join(dir, name), text);
  return dir;
}
