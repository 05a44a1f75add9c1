// Re-measures the figures of docs/reliability.md on this machine (run through scripts/reliability),
// over loopback only, bounded in time and count (about two minutes with the defaults):
//
//   scripts/reliability [--build build] [--articles 2000] [--kills 10] [--load-seconds 30]
//                       [--connections 64] [--commits 3] [--queries 3000] [--seed 16]
//
// 1. SIGKILL loop: an existing database is updated again and again, and each update is killed
//    at a random moment; after every kill xapian-check must find the database intact, and at the
//    end a rerun must complete it (every article in, a second rerun changes nothing).
// 2. Load while committing: searchd answers the benchmark's query mix on --connections
//    keep-alive connections for --load-seconds while the indexer updates and commits --commits
//    times; every request must answer 200.
// 3. Random queries: --queries seeded hostile query strings (tests/support/hostile_queries.mjs);
//    none may answer 5xx.
//
// Needs the built programs (scripts/setup builds them into build/), xapian-check (Debian's
// xapian-tools) and Node 18+. Exits 1 when a figure misses its target.

import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { hostilePaths } from '../tests/support/hostile_queries.mjs';
import { seededRandom } from '../tests/support/seeded_random.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const options = {
    build: 'build', articles: 2000, kills: 10, 'load-seconds': 30, connections: 64, commits: 3,
    queries: 3000, seed: 16,
  };
  for (let i = 0; i < argv.length; i++) {
    const [key, inline] = argv[i].split(/=(.*)/s);
    const name = key.replace(/^--/, '');
    if (!key.startsWith('--') || !(name in options)) {
      process.stderr.write(`reliability: unknown option ${argv[i]}\n`);
      process.exit(2);
    }
    const value = inline ?? argv[++i];
    options[name] = name === 'build' ? value : Number(value);
    if (name !== 'build' && !(Number.isInteger(options[name]) && options[name] >= 0)) {
      process.stderr.write(`reliability: --${name} needs a whole number\n`);
      process.exit(2);
    }
  }
  // Bounds, so that a typo cannot run for hours.
  options.kills = Math.min(options.kills, 100);
  options['load-seconds'] = Math.min(options['load-seconds'], 600);
  options.connections = Math.min(Math.max(options.connections, 1), 1024);
  options.commits = Math.min(options.commits, 50);
  options.queries = Math.min(options.queries, 100000);
  options.articles = Math.min(Math.max(options.articles, 100), 100000);
  return options;
}

const options = parseArgs(process.argv.slice(2));
const build = path.resolve(REPO, options.build);
const INDEXER = path.join(build, 'indexer', 'indexer');
const SEARCHD = path.join(build, 'searchd', 'searchd');
const CATALOG = path.join(REPO, 'data', 'entities.toml');
for (const program of [INDEXER, SEARCHD]) {
  if (!existsSync(program)) {
    process.stderr.write(`reliability: ${program} is missing; build first (scripts/setup)\n`);
    process.exit(2);
  }
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const work = mkdtempSync(path.join(tmpdir(), 'talksearch-reliability-'));
const random = seededRandom(options.seed);
const log = (line) => process.stdout.write(`${line}\n`);
let failed = false;
const expect = (ok, what) => {
  if (!ok) {
    failed = true;
    log(`  FAILED: ${what}`);
  }
};

function indexerArgs(db, input, extra = []) {
  return ['--db', db, '--catalog', CATALOG, '--quiet', ...extra, input];
}

function runIndexer(db, input, extra = []) {
  return spawnSync(INDEXER, indexerArgs(db, input, extra), { encoding: 'utf8' });
}

function delve(db, field) {
  const r = spawnSync('xapian-delve', [db], { encoding: 'utf8' });
  const match = new RegExp(`${field} = (\\d+)`).exec(r.stdout);
  return match ? Number(match[1]) : -1;
}
const documentCount = (db) => delve(db, 'number of documents');
const revisionOf = (db) => delve(db, 'revision');

// Rewrites a share of the articles (a sentence added) and adds one new article per call.
let revision = 0;
function changeArticles(input, share) {
  revision += 1;
  const files = readdirSync(input).filter((name) => name.endsWith('.txt')).sort();
  for (const name of files) {
    if (random.next() < share) {
      appendFileSync(path.join(input, name), `\nRevision ${revision} of this article added a line.\n`);
    }
  }
  writeFileSync(path.join(input, `added-${revision}.txt`),
    `Added article ${revision}\n\nDelegations met again for round ${revision} of the talks.\n`);
  return files.length + 1;
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

async function startSearchd(db) {
  const port = await freePort();
  const child = spawn(SEARCHD, ['--db', db, '--catalog', CATALOG, '--web', path.join(REPO, 'web'),
    '--listen', `127.0.0.1:${port}`], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => { stderr += chunk; });
  const base = `http://127.0.0.1:${port}`;
  for (const deadline = Date.now() + 15000; Date.now() < deadline;) {
    try {
      if ((await fetch(`${base}/healthz`)).ok) return { port, child, base };
    } catch { /* not listening yet */ }
    if (child.exitCode !== null) break;
    await sleep(50);
  }
  child.kill('SIGKILL');
  throw new Error(`searchd did not start: ${stderr}`);
}

async function stopSearchd(server) {
  if (server.child.exitCode !== null) return;
  const exited = new Promise((resolve) => server.child.once('exit', resolve));
  server.child.kill('SIGTERM');
  await exited;
}

// GETs `nextPath()` on `connections` keep-alive connections until it returns null or `until`
// passes. Returns {requests, statuses, errors, latencies}.
async function drive(port, connections, nextPath, until = Infinity) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const statuses = new Map();
  const latencies = [];
  const failures = [];
  let errors = 0;
  const one = (requestPath) => new Promise((resolve) => {
    const started = process.hrtime.bigint();
    const request = http.get({ host: '127.0.0.1', port, path: requestPath, agent }, (response) => {
      const chunks = [];
      response.on('data', (chunk) => chunks.push(chunk));
      response.on('end', () => {
        latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        const body = Buffer.concat(chunks).toString();
        if (response.statusCode >= 400) {
          let json = null;
          try { json = JSON.parse(body); } catch { /* not JSON */ }
          if (response.statusCode >= 500 || typeof json?.error?.message !== 'string') {
            failures.push(`${response.statusCode} ${requestPath}: ${body.slice(0, 300)}`);
          }
        }
        resolve();
      });
    });
    request.on('error', (error) => {
      errors += 1;
      failures.push(`${requestPath}: ${error.message}`);
      resolve();
    });
  });
  const worker = async () => {
    for (let requestPath = nextPath(); requestPath !== null && Date.now() < until; requestPath = nextPath()) {
      await one(requestPath);
    }
  };
  await Promise.all(Array.from({ length: connections }, worker));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const percentile = (p) => latencies.length ? latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))] : 0;
  return { requests: latencies.length, statuses, errors, failures, p50: percentile(0.5), p99: percentile(0.99) };
}

const statusText = (statuses) => [...statuses].sort((a, b) => a[0] - b[0]).map(([s, n]) => `${s}: ${n}`).join(', ');

async function main() {
  const started = Date.now();
  log(`scripts/reliability ${process.argv.slice(2).join(' ')}`.trim());
  log(`build ${build}, seed ${options.seed}, working in ${work}`);

  // A generated corpus of .txt articles.
  const generated = path.join(work, 'generated');
  const gen = spawnSync(process.execPath, [path.join(REPO, 'scripts', 'gen-corpus.mjs'), '--count',
    String(options.articles), '--seed', '1', '--out', generated, '--txt'], { encoding: 'utf8' });
  if (gen.status !== 0) throw new Error(`gen-corpus failed: ${gen.stderr}`);
  const input = path.join(generated, 'txt');
  const db = path.join(work, 'db');
  const first = runIndexer(db, input);
  if (first.status !== 0) throw new Error(`indexing failed (${first.status}): ${first.stderr}`);
  log(`\nindexed ${documentCount(db)} articles`);

  // 1. SIGKILL during incremental updates.
  log(`\n1. SIGKILL loop: ${options.kills} updates (half the articles changed, --batch 25) killed at a random moment`);
  let intact = 0;
  let killedMidRun = 0;
  let files = 0;
  for (let kill = 1; kill <= options.kills; kill++) {
    files = changeArticles(input, 0.5);
    const child = spawn(INDEXER, indexerArgs(db, input, ['--batch', '25']), { stdio: 'ignore' });
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const delay = 100 + random.int(1400);
    const outcome = await Promise.race([exited, sleep(delay).then(() => null)]);
    if (outcome === null) {
      child.kill('SIGKILL');
      const { signal } = await exited;
      if (signal === 'SIGKILL') killedMidRun += 1;
    }
    const check = spawnSync('xapian-check', [db], { encoding: 'utf8' });
    const ok = check.status === 0 && /No errors found/.test(check.stdout);
    if (ok) intact += 1;
    log(`  kill ${kill} after ${delay} ms: ${outcome === null ? 'killed' : 'had finished'}, xapian-check ${ok ? 'intact' : 'FAILED'}, ${documentCount(db)} documents`);
    expect(ok, `xapian-check after kill ${kill}: ${check.stdout}${check.stderr}`);
  }
  files = readdirSync(input).filter((name) => name.endsWith('.txt')).length;
  const rerun = runIndexer(db, input);
  const again = spawnSync(INDEXER, ['--db', db, '--catalog', CATALOG, input], { encoding: 'utf8' });
  const completed = rerun.status === 0 && documentCount(db) === files;
  log(`  ${killedMidRun} of ${options.kills} runs killed mid-run; database intact after ${intact} of ${options.kills}`);
  log(`  rerun: status ${rerun.status}, ${documentCount(db)} of ${files} articles; second rerun status ${again.status}`);
  expect(completed, `the rerun did not complete the database: ${rerun.stderr}`);
  expect(again.status === 0 && /nothing changed/.test(again.stdout), `a second rerun still changed something: ${again.stdout}`);
  const killLoop = { kills: options.kills, killedMidRun, intact, completed };

  // 2. Load while the indexer commits.
  log(`\n2. load: ${options.connections} connections for ${options['load-seconds']} s while the indexer updates ${options.commits} times (5% of the articles each, --batch 25)`);
  const server = await startSearchd(db);
  const queries = readFileSync(path.join(REPO, 'data', 'bench', 'queries.txt'), 'utf8').split('\n')
    .filter((line) => line.trim() && !line.startsWith('#'));
  let next = 0;
  const revisionBefore = revisionOf(db);
  const loadStarted = Date.now();
  const until = loadStarted + options['load-seconds'] * 1000;
  const load = drive(server.port, options.connections, () => `/api/search?${queries[next++ % queries.length]}`, until);
  // Updates start at even intervals; one that is still running when the next is due delays it.
  let updates = 0;
  let updatesDuringLoad = 0;
  const updater = (async () => {
    for (let commit = 1; commit <= options.commits; commit++) {
      const due = loadStarted + (commit * options['load-seconds'] * 1000) / (options.commits + 1);
      await sleep(Math.max(0, due - Date.now()));
      changeArticles(input, 0.05);
      const child = spawn(INDEXER, indexerArgs(db, input, ['--batch', '25']), { stdio: 'ignore' });
      const code = await new Promise((resolve) => child.once('exit', resolve));
      if (code === 0) updates += 1;
      if (code === 0 && Date.now() < until) updatesDuringLoad += 1;
    }
  })();
  const loaded = await load;
  const seconds = (Date.now() - loadStarted) / 1000;
  await updater;
  const commits = revisionOf(db) - revisionBefore;
  await stopSearchd(server);
  log(`  ${loaded.requests} requests in ${seconds.toFixed(1)} s (${(loaded.requests / seconds).toFixed(0)}/s), ${statusText(loaded.statuses)}, ${loaded.errors} connection errors`);
  log(`  latency p50 ${loaded.p50.toFixed(1)} ms, p99 ${loaded.p99.toFixed(1)} ms; ${updates} of ${options.commits} indexer updates completed, ${updatesDuringLoad} of them while the load ran; ${commits} commits in all`);
  expect(loaded.requests > 0 && (loaded.statuses.get(200) ?? 0) === loaded.requests && loaded.errors === 0,
    `not every request answered 200: ${loaded.failures.slice(0, 5).join('\n')}`);
  expect(updates === options.commits, 'an indexer update failed during the load');

  // 3. Random hostile queries.
  log(`\n3. ${options.queries} seeded hostile queries (seed ${options.seed})`);
  const server2 = await startSearchd(db);
  const ids = readdirSync(input).filter((name) => name.endsWith('.txt')).slice(0, 50).map((name) => name.slice(0, -4));
  const paths = hostilePaths(options.seed, options.queries, ids);
  let index = 0;
  const hostile = await drive(server2.port, 8, () => (index < paths.length ? paths[index++] : null));
  await stopSearchd(server2);
  const serverErrors = [...hostile.statuses].filter(([s]) => s >= 500).reduce((sum, [, n]) => sum + n, 0);
  log(`  ${hostile.requests} answered: ${statusText(hostile.statuses)}; ${serverErrors} server errors, ${hostile.errors} connection errors`);
  for (const failure of hostile.failures.slice(0, 5)) log(`  ${failure}`);
  expect(serverErrors === 0 && hostile.failures.length === 0, 'a hostile query got a 5xx or an error without a JSON body');

  log(`\n${failed ? 'FAILED' : 'all targets met'} in ${((Date.now() - started) / 1000).toFixed(0)} s`);
  log(JSON.stringify({
    killLoop,
    load: { connections: options.connections, seconds, requests: loaded.requests, statuses: Object.fromEntries(loaded.statuses), errors: loaded.errors, updates, updatesDuringLoad, commits, p50_ms: loaded.p50, p99_ms: loaded.p99 },
    queries: { count: options.queries, statuses: Object.fromEntries(hostile.statuses), serverErrors },
  }));
}

try {
  await main();
} catch (error) {
  failed = true;
  log(`reliability: ${error.stack ?? error}`);
} finally {
  rmSync(work, { recursive: true, force: true });
}
process.exit(failed ? 1 : 0);
