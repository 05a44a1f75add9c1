// A shard going down: an index built with `indexer --shards 3`, each shard served by
// xapian-tcpsrv, searched through a stub of remote lines. A killed shard and a stopped (hung)
// one leave searches answering 200 from the others, within the timeout, saying which shard is
// missing; /healthz says degraded and /metrics counts it; a shard that answers again is used
// again without a restart. A connection that its server closed, idle, is no shard down.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir, paths } from '../support/harness.mjs';
import {
  skipWithoutTcpsrv as skip, startTcpsrv, stopServer, killServer, signalServer, documentCount,
  writeRemoteStub,
} from '../support/shard_servers.mjs';
import { ALL_IDS, search, get, sleep } from './lib.mjs';

const kTimeoutMs = 500;

// Searches until `done(response)` holds, for a few seconds at most.
async function searchUntil(baseUrl, done) {
  const deadline = Date.now() + 10000;
  for (;;) {
    const response = await search(baseUrl, { per_page: 100 });
    if (done(response) || Date.now() > deadline) return response;
    await sleep(100);
  }
}

function metric(text, name) {
  const match = new RegExp(`^${name} (\\d+)$`, 'm').exec(text);
  return match ? Number(match[1]) : null;
}

// An index of the bundled corpus in `count` shards, each served by xapian-tcpsrv (given
// `serverArgs`), and searchd over a stub of them with the test's shard timeout.
async function servedShards(prefix, count, serverArgs = []) {
  const dir = makeTempDir(prefix);
  const index = path.join(dir, 'index');
  const built = runIndexer(index, [paths.corpus], ['--shards', String(count)]);
  assert.equal(built.status, 0, built.stderr);
  const shards = [];
  for (let k = 0; k < count; k++) {
    shards.push(await startTcpsrv(path.join(index, `shard${k}`), null, 'xapian-tcpsrv', serverArgs));
  }
  const stub = writeRemoteStub(path.join(dir, 'remote.stub'), shards);
  const server = await startServer({ dbDir: stub, args: ['--shard-timeout', String(kTimeoutMs)] });
  return { dir, shards, server };
}

async function stopShards({ dir, shards, server }) {
  await server?.stop();
  await Promise.all(shards.map(stopServer));
  if (dir) rmSync(dir, { recursive: true, force: true });
}

describe('a shard going down', { skip }, () => {
  let served;
  let shards;
  let server;
  before(async () => {
    served = await servedShards('talksearch-shard-failures-', 3);
    ({ shards, server } = served);
  });
  after(async () => { if (served) await stopShards(served); });

  it('answers from every shard while all answer', async () => {
    const r = await search(server.baseUrl, { per_page: 100 });
    assert.equal(r.total, ALL_IDS.length);
    assert.deepEqual(r.shards, { total: 3, successful: 3, failed: 0, failures: [] });
    assert.equal((await get(server.baseUrl, '/healthz')).json.status, 'ok');
  });

  it('a killed shard: 200 with the other shards\' articles, saying which shard is missing',
    async () => {
      const missing = documentCount(shards[1].dbDir);
      assert.ok(missing > 0 && missing < ALL_IDS.length);
      await killServer(shards[1]);
      const r = await search(server.baseUrl, { per_page: 100 });
      assert.equal(r.total, ALL_IDS.length - missing);
      assert.equal(r.results.length, ALL_IDS.length - missing);
      assert.equal(r.shards.total, 3);
      assert.equal(r.shards.failed, 1);
      assert.equal(r.shards.successful, 2);
      assert.equal(r.shards.failures[0].shard, 1);
      assert.match(r.shards.failures[0].reason, /connect/i);

      const health = await get(server.baseUrl, '/healthz');
      assert.equal(health.status, 200);
      assert.equal(health.json.status, 'degraded');
      assert.equal(health.json.shards.failed, 1);
      const metrics = (await get(server.baseUrl, '/metrics')).body;
      assert.equal(metric(metrics, 'talksearch_shards'), 3);
      assert.ok(metric(metrics, 'talksearch_shard_failures_total') >= 1);
      assert.ok(metric(metrics, 'talksearch_partial_responses_total') >= 1);

      // Every searcher of the pool knows: the next searches answer at once, still partial.
      for (let i = 0; i < 6; i++) {
        const again = await search(server.baseUrl, {});
        assert.equal(again.shards.failed, 1);
      }
    });

  it('the killed shard, served again, is used again without a restart', async () => {
    shards[1] = await startTcpsrv(shards[1].dbDir, shards[1].port);
    const r = await searchUntil(server.baseUrl, (x) => x.shards.failed === 0);
    assert.equal(r.shards.failed, 0);
    assert.equal(r.total, ALL_IDS.length);
    assert.equal((await get(server.baseUrl, '/healthz')).json.status, 'ok');
  });

  it('a hung shard: answered within the timeout without it, and used again once it answers',
    async () => {
      const missing = documentCount(shards[2].dbDir);
      signalServer(shards[2], 'SIGSTOP');
      const started = Date.now();
      const r = await search(server.baseUrl, { per_page: 100 });
      const took = Date.now() - started;
      assert.equal(r.shards.failed, 1);
      assert.equal(r.shards.failures[0].shard, 2);
      assert.equal(r.total, ALL_IDS.length - missing);
      // searchd's timeout, not Xapian's default of ten seconds, let the search go on.
      assert.ok(took < 5000, `took ${took} ms`);
      signalServer(shards[2], 'SIGCONT');
      const back = await searchUntil(server.baseUrl, (x) => x.shards.failed === 0);
      assert.equal(back.total, ALL_IDS.length);
    });

  it('the article of a missing shard is unavailable, not unknown', async () => {
    const all = await search(server.baseUrl, { per_page: 100 });
    await killServer(shards[0]);
    const present = new Set((await search(server.baseUrl, { per_page: 100 })).results
      .map((x) => x.id));
    const gone = all.results.map((x) => x.id).find((id) => !present.has(id));
    assert.ok(gone);
    const r = await get(server.baseUrl, `/api/doc/${gone}`);
    assert.equal(r.status, 503);
    assert.match(r.json.error.message, /shards did not answer/);
  });
});

describe('a connection its shard server closed when idle', { skip }, () => {
  let served;
  let server;
  before(async () => {
    // Servers close a connection idle for longer than their idle timeout (a minute by default).
    served = await servedShards('talksearch-shard-idle-', 2, ['--idle-timeout', '300']);
    ({ server } = served);
  });
  after(async () => { if (served) await stopShards(served); });

  it('is opened again: every shard answers, and none counts as failed', async () => {
    for (let round = 0; round < 3; round++) {
      await sleep(600);
      const r = await search(server.baseUrl, { per_page: 100 });
      assert.deepEqual(r.shards, { total: 2, successful: 2, failed: 0, failures: [] });
      assert.equal(r.total, ALL_IDS.length);
    }
    const health = await get(server.baseUrl, '/healthz');
    assert.equal(health.json.status, 'ok');
    assert.equal(metric((await get(server.baseUrl, '/metrics')).body,
      'talksearch_shard_failures_total'), 0);
  });
});
