// searchd picks up the indexer's new commits without a restart, and keeps answering every
// request while the indexer writes.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, writeFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir, paths } from '../support/harness.mjs';
import { get, sleep } from './lib.mjs';

const VATICAN_ID = '005_vatican_talks';
const VATICAN_TEXT = `Vatican offers to host Russia-Ukraine peace talks

The Vatican has offered to host a new round of peace talks between Russia and Ukraine, after
delegations failed to agree on a ceasefire in Istanbul. Diplomats said the proposal was
discussed in Rome, while drones again struck Odesa overnight.

A Vatican spokesperson said the Holy See was ready to mediate humanitarian questions such as
the return of children and the exchange of prisoners.
`;

// Runs the indexer without blocking the event loop (the request loop must keep running).
function runIndexerAsync(dbDir, inputs, extraArgs = []) {
  return new Promise((resolve, reject) => {
    const child = spawn(paths.indexer,
      ['--db', dbDir, '--catalog', paths.catalog, '--quiet', ...extraArgs, ...inputs],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (c) => { stderr += c; });
    child.stdout.resume();
    child.on('error', reject);
    child.on('exit', (status) => resolve({ status, stderr }));
  });
}

describe('reopening the index while serving', () => {
  let dir;
  let corpus;
  let dbDir;
  let server;
  let base;
  before(async () => {
    dir = makeTempDir('talksearch-reopen-');
    corpus = path.join(dir, 'corpus');
    cpSync(paths.corpus, corpus, { recursive: true });
    dbDir = path.join(dir, 'db');
    const indexed = runIndexer(dbDir, [corpus]);
    assert.equal(indexed.status, 0, indexed.stderr);
    server = await startServer({ dbDir });
    base = server.baseUrl;
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  // Requests in a loop until stop() or 20 s; records every failure.
  function requestLoop() {
    const failures = [];
    const odessaTotals = new Set();
    let count = 0;
    let stopped = false;
    const started = Date.now();
    const targets = ['/api/search?q=Odessa', '/api/search?q=Vatican', '/healthz',
      '/api/search?city=Istanbul', '/api/suggest?q=vat'];
    const worker = async (offset) => {
      for (let i = offset; !stopped && Date.now() - started < 20000; i++) {
        const target = targets[i % targets.length];
        try {
          const r = await get(base, target);
          count++;
          if (r.status !== 200) failures.push(`${target}: ${r.status} ${r.body.slice(0, 200)}`);
          else if (target.endsWith('q=Odessa')) odessaTotals.add(r.json.total);
        } catch (error) {
          failures.push(`${target}: ${error.message}`);
        }
      }
    };
    const running = Promise.all([0, 1, 2].map(worker));
    return {
      failures, odessaTotals,
      get count() { return count; },
      async stop() { stopped = true; await running; },
    };
  }

  async function waitForTotal(q, expected, ms = 10000) {
    const deadline = Date.now() + ms;
    let last;
    while (Date.now() < deadline) {
      last = await get(base, `/api/search?q=${encodeURIComponent(q)}`);
      if (last.status === 200 && last.json.total === expected) return last.json;
      await sleep(100);
    }
    assert.fail(`q=${q} never reached total ${expected}; last: ${last?.status} ${last?.body.slice(0, 200)}`);
  }

  it('a new article becomes searchable without a restart, and no request fails meanwhile', async () => {
    assert.equal((await get(base, '/api/search?q=Vatican')).json.total, 0);
    const pid = server.child.pid;
    const loop = requestLoop();
    try {
      await sleep(300);
      writeFileSync(path.join(corpus, `${VATICAN_ID}.txt`), VATICAN_TEXT);
      const indexed = await runIndexerAsync(dbDir, [corpus]);
      assert.equal(indexed.status, 0, indexed.stderr);
      const found = await waitForTotal('Vatican', 1);
      assert.equal(found.results[0].id, VATICAN_ID);
      assert.match(found.results[0].snippet, /<mark>Vatican<\/mark>/);
      await sleep(300);
    } finally {
      await loop.stop();
    }
    assert.deepEqual(loop.failures, []);
    assert.ok(loop.count > 10, `only ${loop.count} requests ran`);
    for (const total of loop.odessaTotals) assert.ok(total === 5 || total === 6, `q=Odessa total ${total}`);
    assert.equal(server.child.pid, pid);
    assert.equal(server.child.exitCode, null, 'searchd was not restarted');
    const health = await get(base, '/healthz');
    assert.equal(health.json.documents, 6);
    const odessa = await get(base, '/api/search?q=Odessa');
    assert.equal(odessa.json.total, 6);
    const doc = await get(base, `/api/doc/${VATICAN_ID}`);
    assert.equal(doc.status, 200);
    assert.match(doc.json.body, /Holy See/);
    const metrics = await get(base, '/metrics');
    assert.match(metrics.body, /^talksearch_documents 6$/m);
  });

  it('an article whose file is removed disappears after --prune', async () => {
    rmSync(path.join(corpus, `${VATICAN_ID}.txt`));
    const loop = requestLoop();
    try {
      const indexed = await runIndexerAsync(dbDir, [corpus], ['--prune']);
      assert.equal(indexed.status, 0, indexed.stderr);
      await waitForTotal('Vatican', 0);
    } finally {
      await loop.stop();
    }
    assert.deepEqual(loop.failures, []);
    assert.equal((await get(base, '/healthz')).json.documents, 5);
    assert.equal((await get(base, `/api/doc/${VATICAN_ID}`)).status, 404);
  });
});
