// The benchmark behind scripts/bench-shards: one database against the same articles in shards,
// served locally through their stub, and remotely by shardd (when built) and by xapian-tcpsrv.
// Prints a table and writes JSON.

import { spawn } from 'node:child_process';
import net from 'node:net';
import fs from 'node:fs';
import path from 'node:path';
import {
  work, bin, catalog, timed, folderBytes, freePort, startSearchd, wrk, residentMb,
  generatedCorpus,
} from './bench-lib.mjs';

function parseArgs(argv) {
  const options = { size: 100000, shards: 4, seed: 1, duration: 10, reuse: false, json: null };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--size': options.size = Number(value); i++; break;
      case '--shards': options.shards = Number(value); i++; break;
      case '--seed': options.seed = Number(value); i++; break;
      case '--duration': options.duration = Number(value); i++; break;
      case '--json': options.json = value; i++; break;
      case '--reuse': options.reuse = true; break;
      default:
        console.error('usage: scripts/bench-shards [--size 100000] [--shards 4] [--seed 1] '
                      + '[--duration 10] [--reuse] [--json FILE]');
        process.exit(2);
    }
  }
  if (![options.size, options.shards].every((n) => Number.isInteger(n) && n >= 1)) {
    console.error('bench-shards: --size and --shards take whole numbers');
    process.exit(2);
  }
  return options;
}

// Indexes `jsonl` into `db` (kept with --reuse when it is there); the indexer's time and memory.
async function index(db, jsonl, extra, reuse) {
  if (reuse && fs.existsSync(db)) return null;
  fs.rmSync(db, { recursive: true, force: true });
  console.error(`bench-shards: indexing into ${path.basename(db)}`);
  const run = await timed(bin('indexer/indexer'), ['--db', db, '--catalog', catalog, ...extra, jsonl]);
  return { seconds: run.seconds, peak_rss_mb: run.peakMb, db_mb: folderBytes(db) / 1e6 };
}

function portOpen(port) {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    socket.once('connect', () => { socket.destroy(); resolve(true); });
    socket.once('error', () => { socket.destroy(); resolve(false); });
  });
}

// Serves each shard with `program` (xapian-tcpsrv or shardd, which take the same arguments);
// resolves once every one accepts connections (shardd builds its columns first).
async function startShardServers(program, sharded, shards) {
  const servers = [];
  for (let k = 0; k < shards; k++) {
    const port = await freePort();
    const child = spawn(program, ['--interface', '127.0.0.1', '--port', String(port),
                                  path.join(sharded, `shard${k}`)],
                        { stdio: 'ignore', detached: true });
    servers.push({ child, port });
  }
  const deadline = Date.now() + 600000;
  for (const server of servers) {
    while (!(await portOpen(server.port))) {
      if (Date.now() > deadline) throw new Error(`${program} did not start`);
      await new Promise((r) => setTimeout(r, 200));
    }
  }
  return servers;
}

async function measureRemote(label, program, sharded, options) {
  const servers = await startShardServers(program, sharded, options.shards);
  try {
    const stub = path.join(folder, `${label}-${options.size}x${options.shards}.stub`);
    fs.writeFileSync(stub, servers.map((s) => `remote 127.0.0.1:${s.port}\n`).join(''));
    return await measure(`${options.shards} shards served by ${program}`, stub, options.duration);
  } finally {
    for (const server of servers) process.kill(-server.child.pid, 'SIGTERM');
  }
}

// What one request of each kind counts, to check that the three answer alike.
async function totals(base) {
  const out = [];
  for (const q of ['', 'ceasefire', 'talks Geneva', 'city:Odesa']) {
    const r = await (await fetch(`${base}/api/search?q=${encodeURIComponent(q)}&collapse=false`)).json();
    out.push(r.total);
  }
  return out;
}

async function measure(label, db, duration) {
  console.error(`bench-shards: querying ${label}`);
  // Every search counted, on one database and on shards alike: no counts kept between searches.
  const server = await startSearchd(db, ['--counts-cache', '0']);
  try {
    const figures = {
      totals: await totals(server.base),
      sequential: wrk(server.port, 1, duration),
      c8: wrk(server.port, 8, duration),
    };
    figures.rss_mb = residentMb(server.child.pid);
    return figures;
  } finally {
    server.child.kill('SIGTERM');
  }
}

const options = parseArgs(process.argv.slice(2));
const folder = path.join(work, 'shards');
fs.mkdirSync(folder, { recursive: true });
const jsonl = generatedCorpus(options.size, options.seed);
const one = path.join(folder, `one-${options.size}`);
const sharded = path.join(folder, `sharded-${options.size}x${options.shards}`);
const indexing = {
  one: await index(one, jsonl, [], options.reuse),
  sharded: await index(sharded, jsonl, ['--shards', String(options.shards)], options.reuse),
};

const results = { one: await measure('one database', one, options.duration) };
results.local = await measure(`${options.shards} local shards`, sharded, options.duration);
// The project's shard server, when the build has it (scripts/setup fetches what it needs).
const shardd = bin('shardd/shardd');
if (fs.existsSync(shardd)) {
  results.shardd = await measureRemote('shardd', shardd, sharded, options);
} else {
  console.error('bench-shards: shardd is not built; remote shards measured with xapian-tcpsrv only');
}
results.tcpsrv = await measureRemote('tcpsrv', 'xapian-tcpsrv', sharded, options);

const configs = ['one', 'local', 'shardd', 'tcpsrv'].filter((c) => results[c]);
const rows = [
  ['index s (one / sharded)', () => ['one', 'sharded'].map((k) => indexing[k]?.seconds.toFixed(1) ?? 'kept').join(' / ')],
  ['index peak RSS MB', () => ['one', 'sharded'].map((k) => indexing[k]?.peak_rss_mb.toFixed(0) ?? 'kept').join(' / ')],
  ['db MB', () => ['one', 'sharded'].map((k) => indexing[k]?.db_mb.toFixed(0) ?? 'kept').join(' / ')],
  ...configs.map((c) => [`${c}: seq p50/p95/p99 ms`, () => ['p50_ms', 'p95_ms', 'p99_ms'].map((p) => results[c].sequential[p].toFixed(2)).join(' / ')]),
  ...configs.map((c) => [`${c}: q/s c=1 / c=8`, () => `${results[c].sequential.qps.toFixed(0)} / ${results[c].c8.qps.toFixed(0)}`]),
  ...configs.map((c) => [`${c}: c=8 p99 ms`, () => results[c].c8.p99_ms.toFixed(1)]),
  ...configs.map((c) => [`${c}: errors`, () => String(results[c].sequential.errors + results[c].sequential.non_2xx + results[c].c8.errors + results[c].c8.non_2xx)]),
  ...configs.map((c) => [`${c}: searchd RSS MB`, () => results[c].rss_mb.toFixed(0)]),
  ['same totals (4 queries)', () => String(configs.every((c) => JSON.stringify(results[c].totals) === JSON.stringify(results.one.totals)))],
];
const width = Math.max(...rows.map(([label]) => label.length));
console.log(`${options.size} articles, ${options.shards} shards`);
for (const [label, value] of rows) console.log(`${label.padEnd(width)}  ${value()}`);
const jsonPath = options.json ?? path.join(folder, `results-${options.size}x${options.shards}.json`);
fs.writeFileSync(jsonPath, JSON.stringify({ options, indexing, results }, null, 2) + '\n');
console.log(`\nfigures written to ${path.relative(process.cwd(), jsonPath)}`);
