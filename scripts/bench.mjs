// The benchmark behind scripts/bench. For each corpus size: generate the corpus, index it,
// measure the search core in process (search-bench), then searchd over HTTP with wrk, and the
// daemon's memory. Prints a table and writes JSON.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(repo, 'var', 'bench');
const bin = (name) => path.join(repo, 'build', name);
const catalog = path.join(repo, 'data', 'entities.toml');
const queries = path.join(repo, 'data', 'bench', 'queries.txt');

function parseArgs(argv) {
  const options = { sizes: [10000, 100000], seed: 1, duration: 10, json: null };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--sizes': options.sizes = value.split(',').map(Number); i++; break;
      case '--seed': options.seed = Number(value); i++; break;
      case '--duration': options.duration = Number(value); i++; break;
      case '--json': options.json = value; i++; break;
      default:
        console.error('usage: scripts/bench [--sizes 10000,100000] [--seed 1] [--duration 10] [--json FILE]');
        process.exit(2);
    }
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('bench: --sizes takes whole numbers');
    process.exit(2);
  }
  return options;
}

function run(command, args, env = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env },
                                            maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  return result;
}

// Wall time, peak resident memory (from /proc: no GNU time needed) and standard output of a child.
function timed(command, args) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let peakKb = 0;
    let stderr = '';
    let stdout = '';
    const sample = setInterval(() => {
      try {
        const status = fs.readFileSync(`/proc/${child.pid}/status`, 'utf8');
        const hwm = /VmHWM:\s+(\d+)/.exec(status);
        if (hwm) peakKb = Math.max(peakKb, Number(hwm[1]));
      } catch { /* exited */ }
    }, 50);
    child.stderr.on('data', (chunk) => { stderr += chunk; });
    child.stdout.on('data', (chunk) => { stdout += chunk; });
    child.on('exit', (code) => {
      clearInterval(sample);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      if (code !== 0) reject(new Error(`${command} failed (${code}): ${stderr}`));
      else resolve({ seconds, peakMb: peakKb / 1024, stdout });
    });
  });
}

function folderBytes(folder) {
  let total = 0;
  for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
    const full = path.join(folder, entry.name);
    total += entry.isDirectory() ? folderBytes(full) : fs.statSync(full).size;
  }
  return total;
}

function freePort() {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startSearchd(db) {
  const port = await freePort();
  const child = spawn(bin('searchd/searchd'),
    ['--db', db, '--catalog', catalog, '--web', path.join(repo, 'web'),
     '--listen', `127.0.0.1:${port}`, '--quiet'], { stdio: 'ignore' });
  const base = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 200; i++) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { child, port, base };
    } catch { /* not yet */ }
    await new Promise((r) => setTimeout(r, 50));
  }
  child.kill('SIGKILL');
  throw new Error('searchd did not start');
}

function wrk(port, connections, seconds) {
  const threads = Math.min(connections, os.cpus().length);
  const result = run('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`,
                             '-s', path.join(repo, 'scripts', 'wrk-queries.lua'),
                             `http://127.0.0.1:${port}`], { BENCH_QUERIES: queries });
  const line = result.stdout.split('\n').find((l) => l.startsWith('{"requests"'));
  const figures = JSON.parse(line);
  figures.qps = figures.requests / figures.duration_s;
  return figures;
}

function residentMb(pid) {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)[1]) / 1024;
}

async function benchSize(size, options) {
  const corpus = path.join(work, `corpus-${size}-seed${options.seed}`);
  const jsonl = path.join(corpus, 'articles.jsonl');
  if (!fs.existsSync(jsonl)) {
    console.error(`bench: generating ${size} articles`);
    run('node', [path.join(repo, 'scripts', 'gen-corpus.mjs'), '--count', String(size),
                 '--seed', String(options.seed), '--out', corpus]);
  }
  const inputBytes = fs.statSync(jsonl).size;
  const db = path.join(work, `db-${size}`);
  fs.rmSync(db, { recursive: true, force: true });
  console.error(`bench: indexing ${size} articles`);
  const indexing = await timed(bin('indexer/indexer'), ['--db', db, '--catalog', catalog, jsonl]);
  const stages = indexerStages(indexing.stdout);
  const dbBytes = folderBytes(db);
  const compacted = `${db}-compact`;
  fs.rmSync(compacted, { recursive: true, force: true });
  run('xapian-compact', [db, compacted]);
  const compactBytes = folderBytes(compacted);
  fs.rmSync(compacted, { recursive: true, force: true });

  console.error('bench: querying in process');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const inProcess = JSON.parse(run(bin('searchd/search-bench'),
    ['--db', db, '--catalog', catalog, '--queries', queries, '--scratch', scratch,
     '--per-query', path.join(work, `per-query-${size}.tsv`)]).stdout);
  fs.rmSync(scratch, { recursive: true, force: true });

  console.error('bench: querying over HTTP');
  const server = await startSearchd(db);
  let http;
  try {
    http = { sequential: wrk(server.port, 1, options.duration) };
    for (const connections of [2, 8, 64]) http[`c${connections}`] = wrk(server.port, connections, options.duration);
    http.rss_mb = residentMb(server.child.pid);
  } finally {
    server.child.kill('SIGTERM');
  }
  return {
    articles: size,
    input_mb: inputBytes / 1e6,
    indexing: {
      seconds: indexing.seconds,
      articles_per_s: size / indexing.seconds,
      mb_per_s: inputBytes / 1e6 / indexing.seconds,
      peak_rss_mb: indexing.peakMb,
      db_mb: dbBytes / 1e6,
      db_compacted_mb: compactBytes / 1e6,
      stages_s: stages,
    },
    in_process: inProcess,
    http,
    http_vs_in_process: http.c8.qps / inProcess.parallel_qps,
  };
}

// The indexer's summary line of thread seconds per stage: cleaning, entities, terms, stories,
// writing.
function indexerStages(stdout) {
  const line = /^stages, summed over threads: (.*)$/m.exec(stdout);
  if (!line) throw new Error(`the indexer printed no stage times:\n${stdout}`);
  return Object.fromEntries([...line[1].matchAll(/(\w+) ([\d.]+) s/g)].map((m) => [m[1], Number(m[2])]));
}

function stageShare(stages, name) {
  const total = Object.values(stages).reduce((sum, s) => sum + s, 0);
  return `${stages[name].toFixed(1)} s, ${(stages[name] / total * 100).toFixed(0)}%`;
}

function table(results) {
  const rows = [
    ['articles', (r) => r.articles],
    ['input MB', (r) => r.input_mb.toFixed(1)],
    ['index s', (r) => r.indexing.seconds.toFixed(1)],
    ['index articles/s', (r) => r.indexing.articles_per_s.toFixed(0)],
    ['index MB/s', (r) => r.indexing.mb_per_s.toFixed(2)],
    ['index peak RSS MB', (r) => r.indexing.peak_rss_mb.toFixed(0)],
    ...['cleaning', 'entities', 'terms', 'stories', 'writing'].map((name) =>
      [`index ${name} (thread s, share)`, (r) => stageShare(r.indexing.stages_s, name)]),
    ['db MB / compacted', (r) => `${r.indexing.db_mb.toFixed(0)} / ${r.indexing.db_compacted_mb.toFixed(0)}`],
    ['open index + facet columns ms', (r) => r.in_process.open_ms?.toFixed(0) ?? '-'],
    ['in-process p50/p95/p99 ms', (r) => [r.in_process.p50_ms, r.in_process.p95_ms, r.in_process.p99_ms].map((v) => v.toFixed(2)).join(' / ')],
    [`in-process q/s (${results[0]?.in_process.threads} threads)`, (r) => r.in_process.parallel_qps.toFixed(0)],
    ['HTTP seq p50/p95/p99 ms', (r) => [r.http.sequential.p50_ms, r.http.sequential.p95_ms, r.http.sequential.p99_ms].map((v) => v.toFixed(2)).join(' / ')],
    ['HTTP q/s c=1/2/8/64', (r) => ['sequential', 'c2', 'c8', 'c64'].map((k) => r.http[k].qps.toFixed(0)).join(' / ')],
    ['HTTP c=64 p99 ms', (r) => r.http.c64.p99_ms.toFixed(1)],
    ['HTTP errors (all runs)', (r) => ['sequential', 'c2', 'c8', 'c64'].reduce((n, k) => n + r.http[k].errors + r.http[k].non_2xx, 0)],
    ['HTTP c=8 / in-process', (r) => `${(r.http_vs_in_process * 100).toFixed(0)}%`],
    ['searchd RSS MB', (r) => r.http.rss_mb.toFixed(0)],
  ];
  const width = Math.max(...rows.map(([label]) => label.length));
  const lines = rows.map(([label, value]) =>
    `${label.padEnd(width)}  ${results.map((r) => String(value(r)).padStart(22)).join('')}`);
  return lines.join('\n');
}

const options = parseArgs(process.argv.slice(2));
fs.mkdirSync(work, { recursive: true });
const results = [];
for (const size of options.sizes) results.push(await benchSize(size, options));
const report = {
  machine: { cpus: os.cpus().length, cpu: os.cpus()[0]?.model, memory_gb: os.totalmem() / 2 ** 30 },
  seed: options.seed,
  queries: results[0]?.in_process.queries,
  results,
};
const jsonPath = options.json ?? path.join(work, 'results.json');
fs.writeFileSync(jsonPath, JSON.stringify(report, null, 2) + '\n');
console.log(table(results));
console.log(`\nfigures written to ${path.relative(repo, jsonPath)}`);
