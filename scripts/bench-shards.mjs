// The benchmark behind scripts/bench-shards: one database against the same articles in shards,
// served locally through their stub and remotely by xapian-tcpsrv. Prints a table and writes
// JSON.

import { spawn } from 'node:child_process';
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

async function startShardServers(sharded, shards) {
  const servers = [];
  for (let k = 0; k < shards; k++) {
    const port = await freePort();
    const child = spawn('xapian-tcpsrv', ['--interface', '127.0.0.1', '--port', String(port),
                                          path.join(sharded, `shard${k}`)],
                        { stdio: 'ignore', detached: true });
    servers.push({ child, port });
  }
  await new Promise((r) => setTimeout(r, 500));
  return servers;
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
const servers = await startShardServers(sharded, options.shards);
try {
  const stub = path.join(folder, `remote-${options.size}x${options.shards}.stub`);
  fs.writeFileSync(stub, servers.map((s) => `remote 127.0.0.1:${s.port}\n`).join(''));
  results.remote = await measure(`${options.shards} remote shards`, stub, options.duration);
} finally {
  for (const server of servers) process.kill(-server.child.pid, 'SIGTERM');
}

const configs = ['one', 'local', 'remote'];
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
