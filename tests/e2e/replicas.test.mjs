// Read replicas: an index written with `indexer --changesets`, followed by Xapian's own
// replication (xapian-replicate-server beside the primary, xapian-replicate beside the replica),
// searched through searchd on the replica. A commit on the primary shows on the replica once it
// replicates, without restarting searchd; a replica behind shows the index as it was; a full
// copy, which replaces the replica's folder, is opened again.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir, freePort, paths } from '../support/harness.mjs';
import { search, sleep } from './lib.mjs';

const probe = spawnSync('xapian-replicate', ['--version'], { encoding: 'utf8' });
const skip = !probe.error && probe.status === 0 ? false
  : 'xapian-replicate is not installed (Debian package xapian-tools): replicas not tested';

const corpusFiles = () => readdirSync(paths.corpus).filter((n) => n.endsWith('.txt')).sort();

async function startReplicationServer(parent) {
  const port = await freePort();
  const child = spawn('xapian-replicate-server', ['-I', '127.0.0.1', '-p', String(port), parent],
    { stdio: 'ignore', detached: true });
  await sleep(300);
  return { child, port };
}

// One pass of xapian-replicate: the replica catches up with its primary, or is copied whole.
function replicate(server, master, replica, { full = false } = {}) {
  mkdirSync(path.dirname(replica), { recursive: true });
  const args = ['-h', '127.0.0.1', '-p', String(server.port), '-m', master, '-o', '-v', '-r', '0'];
  if (full) args.push('-f');
  for (let attempt = 0; attempt < 20; attempt++) {
    const run = spawnSync('xapian-replicate', [...args, replica], { encoding: 'utf8' });
    if (run.status === 0) return run.stdout;
    spawnSync('sleep', ['0.2']);  // the server may not listen yet
  }
  throw new Error(`xapian-replicate ${master} did not succeed`);
}

async function totalUntil(baseUrl, expected) {
  const deadline = Date.now() + 10000;
  let total;
  while (Date.now() < deadline) {
    total = (await search(baseUrl, {})).total;
    if (total === expected) return total;
    await sleep(100);
  }
  return total;
}

for (const shards of [1, 2]) {
  describe(`a read replica of an index of ${shards} shard${shards > 1 ? 's' : ''}`, { skip }, () => {
    let dir;
    let input;
    let primary;
    let replica;
    let replication;
    let server;
    // What to replicate: the database, or each shard, by its path under the primary's parent.
    const masters = () => (shards === 1 ? [''] : [...Array(shards).keys()].map((k) => `shard${k}`));
    const replicateAll = (options) => {
      for (const master of masters()) {
        replicate(replication, path.join('index', master), path.join(replica, master), options);
      }
    };
    const indexPrimary = () => {
      const extra = ['--changesets', '10', ...(shards > 1 ? ['--shards', String(shards)] : [])];
      const run = runIndexer(primary, [input], extra);
      assert.equal(run.status, 0, run.stderr);
    };

    before(async () => {
      dir = makeTempDir('talksearch-replicas-');
      input = path.join(dir, 'input');
      mkdirSync(input);
      for (const name of corpusFiles().slice(0, 3)) {
        copyFileSync(path.join(paths.corpus, name), path.join(input, name));
      }
      primary = path.join(dir, 'primary', 'index');
      replica = path.join(dir, 'replica');
      indexPrimary();
      replication = await startReplicationServer(path.dirname(primary));
      replicateAll();
      // A replica of each shard, and a stub of the replicas.
      if (shards > 1) {
        writeFileSync(path.join(replica, 'XAPIANDB'),
          masters().map((m) => `auto ${m}\n`).join(''));
      }
      server = await startServer({ dbDir: replica });
    });
    after(async () => {
      await server?.stop();
      if (replication) process.kill(-replication.child.pid, 'SIGKILL');
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it('answers like its primary', async () => {
      assert.equal((await search(server.baseUrl, {})).total, 3);
    });

    it('shows a commit on the primary once it replicates, not before', async () => {
      copyFileSync(path.join(paths.corpus, corpusFiles()[3]), path.join(input, corpusFiles()[3]));
      indexPrimary();
      // Behind: the index as it was.
      assert.equal((await search(server.baseUrl, {})).total, 3);
      replicateAll();
      assert.equal(await totalUntil(server.baseUrl, 4), 4);
    });

    it('is opened again when a full copy replaces its folder', async () => {
      copyFileSync(path.join(paths.corpus, corpusFiles()[4]), path.join(input, corpusFiles()[4]));
      indexPrimary();
      replicateAll({ full: true });
      assert.equal(await totalUntil(server.baseUrl, 5), 5);
      for (let i = 0; i < 5; i++) assert.equal((await search(server.baseUrl, {})).total, 5);
    });
  });
}
