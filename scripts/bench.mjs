// The benchmark behind scripts/bench. For each corpus size: generate the corpus, index it,
// measure the search core in process (search-bench), then searchd over HTTP with wrk, and the
// daemon's memory. Prints a table and writes JSON.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  repo, work, bin, catalog, queries, run, timed, folderBytes, startSearchd, wrk, residentMb,
  generatedCorpus,
} from './bench-lib.mjs';

function parseArgs(argv) {
  const options = { sizes: [10000, 100000], seed: 1, duration: 10, json: null, reuse: false };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--sizes': options.sizes = value.split(',').map(Number); i++; break;
      case '--seed': options.seed = Number(value); i++; break;
      case '--duration': options.duration = Number(value); i++; break;
      case '--json': options.json = value; i++; break;
      // Queries the databases an earlier run left (var/bench/db-SIZE), without indexing again.
      case '--reuse': options.reuse = true; break;
      default:
        console.error('usage: scripts/bench [--sizes 10000,100000] [--seed 1] [--duration 10] [--json FILE] [--reuse]');
        process.exit(2);
    }
  }
  if (options.sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('bench: --sizes takes whole numbers');
    process.exit(2);
  }
  return options;
}

async function benchSize(size, options) {
  const db = path.join(work, `db-${size}`);
  const indexing = options.reuse && fs.existsSync(db) ? null : await indexSize(size, options, db);

  console.error('bench: querying in process');
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-'));
  const inProcess = JSON.parse(run(bin('searchd/search-bench'),
    ['--db', db, '--catalog', catalog, '--queries', queries, '--scratch', scratch,
     '--per-query', path.join(work, `per-query-${size}.tsv`)]).stdout);
  fs.rmSync(scratch, { recursive: true, force: true });

  // Every search counted, as the in-process figures: searchd's counts cache off.
  console.error('bench: querying over HTTP');
  const server = await startSearchd(db, ['--counts-cache', '0']);
  let http;
  try {
    http = { sequential: wrk(server.port, 1, options.duration) };
    for (const connections of [2, 8, 64]) http[`c${connections}`] = wrk(server.port, connections, options.duration);
    http.rss_mb = residentMb(server.child.pid);
  } finally {
    server.child.kill('SIGTERM');
  }
  // As searchd runs by default: once the mix has been asked, each search is only ranked.
  console.error('bench: querying over HTTP, counts cached');
  const cached = await startSearchd(db);
  try {
    http.cached_sequential = wrk(cached.port, 1, options.duration);
    http.cached_c8 = wrk(cached.port, 8, options.duration);
  } finally {
    cached.child.kill('SIGTERM');
  }
  return {
    articles: size,
    indexing,
    in_process: inProcess,
    http,
    http_vs_in_process: http.c8.qps / inProcess.parallel_qps,
  };
}

// Indexes the generated corpus of `size` articles into `db`, timed.
async function indexSize(size, options, db) {
  const jsonl = generatedCorpus(size, options.seed);
  const inputBytes = fs.statSync(jsonl).size;
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
  return {
    input_mb: inputBytes / 1e6,
    seconds: indexing.seconds,
    articles_per_s: size / indexing.seconds,
    mb_per_s: inputBytes / 1e6 / indexing.seconds,
    peak_rss_mb: indexing.peakMb,
    db_mb: dbBytes / 1e6,
    db_compacted_mb: compactBytes / 1e6,
    stages_s: stages,
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

// A figure of the indexing run, or '-' for a database reused from an earlier run.
function indexed(figure) {
  return (r) => (r.indexing ? figure(r.indexing) : '-');
}

function table(results) {
  const rows = [
    ['articles', (r) => r.articles],
    ['input MB', indexed((i) => i.input_mb.toFixed(1))],
    ['index s', indexed((i) => i.seconds.toFixed(1))],
    ['index articles/s', indexed((i) => i.articles_per_s.toFixed(0))],
    ['index MB/s', indexed((i) => i.mb_per_s.toFixed(2))],
    ['index peak RSS MB', indexed((i) => i.peak_rss_mb.toFixed(0))],
    ...['cleaning', 'entities', 'terms', 'stories', 'writing'].map((name) =>
      [`index ${name} (thread s, share)`, indexed((i) => stageShare(i.stages_s, name))]),
    ['db MB / compacted', indexed((i) => `${i.db_mb.toFixed(0)} / ${i.db_compacted_mb.toFixed(0)}`)],
    ['open index + facet columns ms', (r) => r.in_process.open_ms?.toFixed(0) ?? '-'],
    ['in-process p50/p95/p99 ms', (r) => [r.in_process.p50_ms, r.in_process.p95_ms, r.in_process.p99_ms].map((v) => v.toFixed(2)).join(' / ')],
    [`in-process q/s (${results[0]?.in_process.threads} threads)`, (r) => r.in_process.parallel_qps.toFixed(0)],
    ['HTTP seq p50/p95/p99 ms', (r) => [r.http.sequential.p50_ms, r.http.sequential.p95_ms, r.http.sequential.p99_ms].map((v) => v.toFixed(2)).join(' / ')],
    ['HTTP q/s c=1/2/8/64', (r) => ['sequential', 'c2', 'c8', 'c64'].map((k) => r.http[k].qps.toFixed(0)).join(' / ')],
    ['HTTP c=64 p99 ms', (r) => r.http.c64.p99_ms.toFixed(1)],
    ['HTTP errors (all runs)', (r) => ['sequential', 'c2', 'c8', 'c64'].reduce((n, k) => n + r.http[k].errors + r.http[k].non_2xx, 0)],
    ['HTTP c=8 / in-process', (r) => `${(r.http_vs_in_process * 100).toFixed(0)}%`],
    ['HTTP, counts cached: seq p50/p99 ms', (r) => [r.http.cached_sequential.p50_ms, r.http.cached_sequential.p99_ms].map((v) => v.toFixed(2)).join(' / ')],
    ['HTTP, counts cached: q/s c=8', (r) => r.http.cached_c8.qps.toFixed(0)],
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
