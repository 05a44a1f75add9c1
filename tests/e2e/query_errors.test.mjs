// Whatever the query, the answer is never a 5xx: a query the search cannot run is a 400
// invalid_query (or query_too_long) with a JSON error body, not an outage. The query and
// a seeded mix of a few thousand hostile ones, against the real searchd.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, paths, startServer } from '../support/harness.mjs';
import { hostilePaths } from '../support/hostile_queries.mjs';
import { ALL_IDS, assertError, get } from './lib.mjs';

describe('query errors', () => {
  let server;
  let base;
  let dir;
  before(async () => {
    // The bundled corpus and one article with words starting with "ic", so that the issue's
    // ic* expands to several words, which NEAR refuses.
    dir = makeTempDir('talksearch-query-errors-');
    const corpus = path.join(dir, 'corpus');
    cpSync(paths.corpus, corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'ice.txt'), 'Ice on the roads\nIcy roads and iconic bridges near Odesa.\n');
    server = await startServer({ corpus });
    base = server.baseUrl;
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('the issue\'s query is a 400 invalid_query that says how to write it', async () => {
    const q = encodeURIComponent('\\a^ NEAR:- ic* jtitle: AhR f (');
    for (const path of [`/api/search?q=${q}`, `/api/doc/${ALL_IDS[0]}?q=${q}`]) {
      const r = await get(base, path);
      assertError(r, 400, 'invalid_query');
      assert.match(r.json.error.message, /NEAR, ADJ and "phrases" work on single words only/);
    }
    assertError(await get(base, `/api/search?q=${encodeURIComponent('roads NEAR ic*')}`), 400, 'invalid_query');
    const fine = await get(base, `/api/search?q=${encodeURIComponent('roads NEAR bridges')}`);
    assert.equal(fine.status, 200, fine.body);
    assert.deepEqual(fine.json.results.map((r) => r.id), ['ice']);
  });

  it('3,000 seeded hostile queries: no 5xx, and every 4xx has a JSON error body', async () => {
    const paths = hostilePaths(16, 3000, ALL_IDS);
    const statuses = new Map();
    const failures = [];
    let next = 0;
    const worker = async () => {
      while (next < paths.length) {
        const path = paths[next++];
        const r = await get(base, path);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        if (r.status >= 500) failures.push(`${r.status} ${path}: ${r.body}`);
        if (r.status >= 400 && !(r.json && typeof r.json.error?.code === 'string' &&
            typeof r.json.error?.message === 'string' && r.json.error.message.length > 0)) {
          failures.push(`${r.status} without a JSON error body: ${path}: ${r.body}`);
        }
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    assert.deepEqual(failures.slice(0, 10), [], `${failures.length} failures`);
    assert.ok((statuses.get(200) ?? 0) > 1000, JSON.stringify([...statuses]));
    assert.ok((statuses.get(400) ?? 0) > 100, JSON.stringify([...statuses]));
    const health = await get(base, '/healthz');
    assert.equal(health.status, 200);
  });
});
