// Dates, sources and URLs: indexes a small JSON Lines fixture with dated and undated articles
// and checks the histogram, the from/to filters and the date orders.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir } from '../support/harness.mjs';
import { get, search, qs, assertError } from './lib.mjs';
import { prose } from '../support/prose.mjs';

const ARTICLES = [
  { id: 'd1', date: '2025-01-05', title: 'Ceasefire talks open in Istanbul' },
  { id: 'd2', date: '2025-01-20', title: 'Second round of ceasefire talks' },
  { id: 'd3', date: '2025-02-10', title: 'Ceasefire talks stall over prisoners' },
  { id: 'd4', date: '2025-03-01', title: 'Ceasefire talks resume in Geneva' },
  { id: 'd5', date: '2025-03-15', title: 'Negotiators discuss a ceasefire line' },
  { id: 'd6', date: '2025-03-31', title: 'Ceasefire talks end the quarter' },
  { id: 'u1', date: null, title: 'Undated ceasefire commentary' },
].map((a, i) => ({
  ...a,
  source: a.date ? `Source ${i}` : null,
  url: a.date ? `https://example.org/news/${a.id}` : null,
  body: `${a.title}. Delegations from Russia and Ukraine met to discuss a ceasefire and the fate of Odesa.\n`
    + `Article ${a.id} is part of the date fixture for the talksearch end-to-end tests. ${prose(a.id, 80)}`,
}));
const DATED = ARTICLES.filter((a) => a.date);
const byDate = (x, y) => x.date.localeCompare(y.date);

describe('dates, histogram and date sorting', () => {
  let dir;
  let server;
  let base;
  before(async () => {
    dir = makeTempDir('talksearch-dates-');
    const input = path.join(dir, 'input');
    mkdirSync(input);
    const lines = ARTICLES.map((a) => {
      const line = { id: a.id, title: a.title, body: a.body };
      if (a.date) Object.assign(line, { date: a.date, source: a.source, url: a.url });
      return JSON.stringify(line);
    });
    writeFileSync(path.join(input, 'fixture.jsonl'), `${lines.join('\n')}\n`);
    const dbDir = path.join(dir, 'db');
    const indexed = runIndexer(dbDir, [input]);
    assert.equal(indexed.status, 0, indexed.stderr);
    server = await startServer({ dbDir });
    base = server.baseUrl;
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('histogram counts articles per month, ascending, and undated separately', async () => {
    const r = await search(base, { q: 'ceasefire' });
    assert.equal(r.total, 7);
    assert.deepEqual(r.histogram, [
      { month: '2025-01', count: 2 }, { month: '2025-02', count: 1 }, { month: '2025-03', count: 3 },
    ]);
    assert.equal(r.undated, 1);
  });

  it('date, source and url are echoed in results and in /api/doc', async () => {
    const r = await search(base, { per_page: 100 });
    assert.equal(r.total, 7);
    for (const article of ARTICLES) {
      const hit = r.results.find((x) => x.id === article.id);
      assert.ok(hit, `missing ${article.id}`);
      assert.equal(hit.date, article.date);
      assert.equal(hit.source, article.source);
      assert.equal(hit.url, article.url);
      const doc = await get(base, `/api/doc/${article.id}`);
      assert.equal(doc.status, 200);
      assert.equal(doc.json.date, article.date);
      assert.equal(doc.json.source, article.source);
      assert.equal(doc.json.url, article.url);
    }
  });

  const cases = [
    [{ from: '2025-02-10' }, ['d3', 'd4', 'd5', 'd6']],
    [{ to: '2025-01-20' }, ['d1', 'd2']],
    [{ from: '2025-01-06', to: '2025-03-01' }, ['d2', 'd3', 'd4']],
    [{ from: '2025-01', to: '2025-01' }, ['d1', 'd2']],
    [{ from: '2025-03' }, ['d4', 'd5', 'd6']],
    [{ to: '2025-02' }, ['d1', 'd2', 'd3']],
    [{ from: '2025', to: '2025' }, ['d1', 'd2', 'd3', 'd4', 'd5', 'd6']],
    [{ from: '2026' }, []],
    [{ to: '2024' }, []],
    [{ from: '2025-03-31', to: '2025-03-31' }, ['d6']],
  ];
  for (const [params, expected] of cases) {
    it(`from/to ${qs(params)} selects ${expected.join(',') || 'nothing'} (undated excluded)`, async () => {
      const r = await search(base, { ...params, per_page: 100 });
      assert.deepEqual(r.results.map((x) => x.id).sort(), expected);
      assert.equal(r.total, expected.length);
      // Histogram and undated ignore the date range.
      assert.equal(r.undated, 1);
      assert.deepEqual(r.histogram.map((h) => h.count), [2, 1, 3]);
    });
  }

  it('sort=newest and sort=oldest order by date with undated last in both', async () => {
    const newest = await search(base, { sort: 'newest', per_page: 100 });
    assert.deepEqual(newest.results.map((x) => x.id),
      [...DATED].sort(byDate).reverse().map((a) => a.id).concat('u1'));
    const oldest = await search(base, { sort: 'oldest', per_page: 100 });
    assert.deepEqual(oldest.results.map((x) => x.id), [...DATED].sort(byDate).map((a) => a.id).concat('u1'));
    const withQuery = await search(base, { q: 'ceasefire', sort: 'oldest', per_page: 100 });
    assert.equal(withQuery.sort, 'oldest');
    assert.deepEqual(withQuery.results.map((x) => x.id), oldest.results.map((x) => x.id));
    const empty = await search(base, { per_page: 100 });
    assert.equal(empty.sort, 'newest');
    assert.deepEqual(empty.results.map((x) => x.id), newest.results.map((x) => x.id));
  });

  it('date paging in newest order keeps undated last', async () => {
    const pages = [];
    for (const page of [1, 2, 3, 4]) {
      const r = await search(base, { sort: 'newest', per_page: 2, page });
      pages.push(...r.results.map((x) => x.id));
    }
    assert.deepEqual(pages, ['d6', 'd5', 'd4', 'd3', 'd2', 'd1', 'u1']);
  });

  it('bad dates are invalid_date', async () => {
    for (const query of ['from=2025-13-01', 'to=2025-02-30', 'from=yesterday', 'from=2025-03-01&to=2025-01-01',
      'from=2025-02&to=2025-01']) {
      assertError(await get(base, `/api/search?${query}`), 400, 'invalid_date');
    }
  });
});
