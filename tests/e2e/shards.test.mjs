// A sharded index: the bundled corpus split into two databases served by xapian-tcpsrv and
// combined through a stub file must answer exactly like the single database.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir, freePort, paths } from '../support/harness.mjs';
import { ALL_IDS, FACETS, search, get, sleep } from './lib.mjs';

const tcpsrv = spawnSync('xapian-tcpsrv', ['--version'], { encoding: 'utf8' });
const haveTcpsrv = !tcpsrv.error && tcpsrv.status === 0;
const skip = haveTcpsrv ? false
  : 'xapian-tcpsrv is not installed (Debian package xapian-tools): sharded search not tested';

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => { socket.destroy(); resolve(false); });
  });
}

async function startTcpsrv(dbDir) {
  for (let attempt = 0; attempt < 3; attempt++) {
    const port = await freePort();
    const child = spawn('xapian-tcpsrv', ['--interface', '127.0.0.1', '--port', String(port), dbDir],
      // Its own process group: on SIGTERM xapian-tcpsrv signals its whole group (its forked
      // connection handlers), which must not include this test runner.
      { stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let output = '';
    child.stdout.on('data', (c) => { output += c; });
    child.stderr.on('data', (c) => { output += c; });
    const deadline = Date.now() + 10000;
    while (Date.now() < deadline && child.exitCode === null) {
      if (await portOpen(port)) return { child, port };
      await sleep(50);
    }
    if (child.exitCode === null) child.kill('SIGKILL');
    if (attempt === 2) throw new Error(`xapian-tcpsrv did not start: ${output}`);
  }
  throw new Error('unreachable');
}

function stopChild(child) {
  if (!child || child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', resolve);
    child.kill('SIGTERM');
  });
}

const sortedIds = (r) => r.results.map((x) => x.id).sort();
const facetMap = (r) => Object.fromEntries(FACETS.map((f) =>
  [f, Object.fromEntries(r.facets[f].map((e) => [e.value, [e.count, e.selected]]))]));

describe('sharded index through xapian-tcpsrv', { skip }, () => {
  let dir;
  const shards = [];
  let single;
  let sharded;
  before(async () => {
    dir = makeTempDir('talksearch-shards-');
    const files = readdirSync(paths.corpus).filter((n) => n.endsWith('.txt')).sort();
    const groups = [files.filter((n) => n < '003'), files.filter((n) => n >= '003')];
    assert.deepEqual(groups.map((g) => g.length), [3, 2]);
    const lines = [];
    for (const [i, group] of groups.entries()) {
      const input = path.join(dir, `input${i}`);
      mkdirSync(input);
      for (const name of group) copyFileSync(path.join(paths.corpus, name), path.join(input, name));
      const db = path.join(dir, `db${i}`);
      const indexed = runIndexer(db, [input]);
      assert.equal(indexed.status, 0, indexed.stderr);
      const shard = await startTcpsrv(db);
      shards.push(shard);
      lines.push(`remote 127.0.0.1:${shard.port}`);
    }
    const stub = path.join(dir, 'shards.stub');
    writeFileSync(stub, `${lines.join('\n')}\n`);
    single = await startServer();
    sharded = await startServer({ dbDir: stub });
  });
  after(async () => {
    await sharded?.stop();
    await single?.stop();
    await Promise.all(shards.map((s) => stopChild(s.child)));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('healthz counts the documents of both shards', async () => {
    const r = await get(sharded.baseUrl, '/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.json.documents, 5);
  });

  const queries = [
    { q: 'Odessa' }, { q: 'Istanbul' }, {}, { city: 'Istanbul' }, { q: 'Istanbul OR Geneva' },
    { q: 'talks', negotiator: 'Rustem Umerov' }, { q: 'ceasefire -Trump' },
  ];
  for (const params of queries) {
    it(`same ids and facet counts as one database for ${JSON.stringify(params)}`, async () => {
      const one = await search(single.baseUrl, { ...params, per_page: 100 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 100 });
      assert.equal(many.total, one.total);
      assert.deepEqual(sortedIds(many), sortedIds(one));
      assert.deepEqual(facetMap(many), facetMap(one));
      assert.equal(many.undated, one.undated);
      assert.deepEqual(many.histogram, one.histogram);
    });
  }

  it('every article is reachable through /api/doc on the sharded server', async () => {
    for (const id of ALL_IDS) {
      const one = await get(single.baseUrl, `/api/doc/${id}`);
      const many = await get(sharded.baseUrl, `/api/doc/${id}`);
      assert.equal(many.status, 200, `${id}: ${many.body.slice(0, 200)}`);
      assert.equal(many.json.title, one.json.title);
      assert.equal(many.json.body, one.json.body);
    }
  });

  it('paging over shards partitions the results', async () => {
    const seen = [];
    for (const page of [1, 2, 3]) {
      const r = await search(sharded.baseUrl, { q: 'Odessa', per_page: 2, page });
      seen.push(...r.results.map((x) => x.id));
    }
    assert.deepEqual(seen.sort(), ALL_IDS);
  });
});
