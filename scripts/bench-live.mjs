// The benchmark behind scripts/bench-live: from a file written into a watched folder to a search
// that finds it, through a running searchd; with --replica, also through a searchd on a read
// replica that Xapian's replication keeps.

import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, startServer } from '../tests/support/harness.mjs';
import { folderBytes } from './bench-lib.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(repo, 'var', 'bench-live');
const bin = (name) => path.join(repo, 'build', name);
const catalog = path.join(repo, 'data', 'entities.toml');
process.env.TALKSEARCH_SEARCHD ??= bin('searchd/searchd');
process.env.TALKSEARCH_INDEXER ??= bin('indexer/indexer');
process.env.TALKSEARCH_DATA ??= path.join(repo, 'data');
process.env.TALKSEARCH_WEB ??= path.join(repo, 'web');

const USAGE = 'usage: scripts/bench-live [--base 10000] [--articles 20] [--seed 1] [--stream 20] [--rate 20] [--reuse] [--replica]';

function parseArgs(argv) {
  const options = { base: 10000, articles: 20, seed: 1, stream: 20, rate: 20, reuse: false, replica: false };
  for (let i = 0; i < argv.length; i += 2) {
    if (argv[i] === '--reuse' || argv[i] === '--replica') {
      options[argv[i].slice(2)] = true;
      i--;
      continue;
    }
    const [name, value] = [argv[i], Number(argv[i + 1])];
    if (!['--base', '--articles', '--seed', '--stream', '--rate'].includes(name)
        || !Number.isInteger(value) || value < 0) {
      console.error(USAGE);
      process.exit(2);
    }
    options[name.slice(2)] = value;
  }
  return options;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

// A word no generated article has: letters only, so that it is indexed as written.
function token(i) {
  let word = 'livebench';
  for (let n = i + 1; n > 0; n = Math.floor(n / 26)) word += String.fromCharCode(97 + (n % 26));
  return word;
}

// `count` articles by scripts/gen-corpus.mjs into `out`.
function generateCorpus(count, seed, out, ...more) {
  const made = spawnSync('node', [path.join(repo, 'scripts', 'gen-corpus.mjs'), '--count',
    String(count), '--seed', String(seed), '--out', out, ...more], { stdio: 'inherit' });
  if (made.status !== 0) throw new Error('gen-corpus failed');
}

// The database of --base generated articles, indexed by a batch run from a folder the watcher
// does not watch; with --reuse, the one the last run left if it holds the same articles (a
// million take about half an hour to index). Everything else starts afresh.
function prepareBase(options, db) {
  const base = path.join(work, 'base');
  const params = path.join(base, 'params.json');
  const wanted = JSON.stringify({ base: options.base, seed: options.seed });
  if (options.reuse && fs.existsSync(db) && fs.existsSync(params)
      && fs.readFileSync(params, 'utf8') === wanted) {
    for (const entry of fs.readdirSync(work)) {
      if (entry !== 'base' && entry !== 'db') fs.rmSync(path.join(work, entry), { recursive: true });
    }
    console.log(`base: ${options.base} articles, indexed by an earlier run`);
    return;
  }
  fs.rmSync(work, { recursive: true, force: true });
  fs.mkdirSync(base, { recursive: true });
  if (options.base === 0) return;
  const generated = path.join(work, 'gen');
  generateCorpus(options.base, options.seed, generated);
  fs.renameSync(path.join(generated, 'articles.jsonl'), path.join(base, 'articles.jsonl'));
  fs.rmSync(generated, { recursive: true });
  const started = Date.now();
  const indexed = spawnSync(bin('indexer/indexer'), ['--db', db, '--catalog', catalog, '--quiet', base],
    { stdio: 'inherit' });
  if (indexed.status !== 0) throw new Error('indexing the base failed');
  fs.writeFileSync(params, wanted);
  console.log(`base: ${options.base} articles indexed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

async function main() {
  const options = parseArgs(process.argv.slice(2));
  const db = path.join(work, 'db');
  prepareBase(options, db);
  // Watched with --prune, so that a reused database loses the articles of the last run.
  const input = path.join(work, 'watched');
  fs.mkdirSync(path.join(input, 'live'), { recursive: true });
  // With a replica, the indexer keeps its commits as changesets for the replication to send.
  const indexer = spawn(bin('indexer/indexer'),
    ['--db', db, '--catalog', catalog, '--prune', '--watch', input,
      ...(options.replica ? ['--changesets', '1000'] : [])],
    { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  indexer.stdout.on('data', (chunk) => { log += chunk; });
  const started = Date.now();
  while (!log.includes('articles in the database')) {
    if (indexer.exitCode !== null) throw new Error(`indexer exited: ${log}`);
    await sleep(100);
  }
  console.log(`watching: first run in ${((Date.now() - started) / 1000).toFixed(1)} s`);

  const server = await startServer({ dbDir: db });
  const base = server.baseUrl;
  const foundBy = async (url, word) => {
    try {
      const response = await fetch(`${url}/api/search?q=${word}&correct=false`);
      return response.ok && (await response.json()).total > 0;
    } catch {
      return false;
    }
  };
  const found = (word) => foundBy(base, word);
  await found('talks');  // the first search builds what later ones reuse
  const replica = options.replica ? await startReplica(db) : null;
  if (replica) await foundBy(replica.server.baseUrl, 'talks');

  const latencies = [];
  const replicaLatencies = [];
  let streamed = null;
  try {
    for (let i = 0; i < options.articles; i++) {
      const word = token(i);
      const aside = path.join(work, `${word}.txt`);
      fs.writeFileSync(aside, `Live article ${i}\n\nEnvoys met in Geneva; ${word} was discussed.\n`);
      const written = process.hrtime.bigint();
      fs.renameSync(aside, path.join(input, 'live', `${word}.txt`));
      const deadline = Date.now() + 30000;
      while (!(await found(word))) {
        if (Date.now() > deadline) throw new Error(`article ${i} not searchable within 30 s`);
        await sleep(10);
      }
      latencies.push(Number(process.hrtime.bigint() - written) / 1e6);
      if (replica) {
        const replicaDeadline = Date.now() + 30000;
        while (!(await foundBy(replica.server.baseUrl, word))) {
          if (Date.now() > replicaDeadline) throw new Error(`article ${i} not on the replica within 30 s`);
          await sleep(10);
        }
        replicaLatencies.push(Number(process.hrtime.bigint() - written) / 1e6);
      }
      await sleep(300);  // apart, so that each is a batch of its own
    }
    if (options.stream > 0) {
      streamed = await underStream({ base, input, options, found, batches: () => count(log, 'articles in the database') });
    }
  } finally {
    indexer.kill('SIGTERM');
    await server.stop();
    await replica?.stop();
  }
  const inOrder = latencies.map((ms) => ms.toFixed(0)).join(' ');
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  console.log(`write to searchable, ${latencies.length} articles over ${options.base}: `
    + `p50 ${at(0.5).toFixed(0)} ms, p95 ${at(0.95).toFixed(0)} ms, max ${latencies.at(-1).toFixed(0)} ms `
    + `(in order: ${inOrder})`);
  if (replica) {
    console.log(`replica: a full copy of ${(replica.bytes / 1e6).toFixed(0)} MB in `
      + `${(replica.copyMs / 1000).toFixed(2)} s; then xapian-replicate every ${kReplicateEvery} s, `
      + `write to searchable on the replica: ${percentiles(replicaLatencies)}`);
  }
  if (streamed) {
    const { idle, busy, written, batches, marks } = streamed;
    console.log(`queries one at a time (data/bench/queries.txt), ${options.stream} s each:`);
    console.log(`  no articles arriving: ${describe(idle)}`);
    console.log(`  ${options.rate} articles/s arriving: ${describe(busy)}; `
      + `${written} articles in ${batches} commits`);
    console.log(`  write to searchable meanwhile, ${marks.length} marked articles: ${percentiles(marks)}`);
  }
}

// Seconds between xapian-replicate's looks at the primary (its least).
const kReplicateEvery = 1;

// A read replica of `db`, as docs/scale-out.md sets one up: xapian-replicate-server beside the
// primary, one pass of xapian-replicate for the full copy (timed), then xapian-replicate
// following the primary's changesets, and a searchd serving the replica.
async function startReplica(db) {
  const port = await freePort();
  const children = [];
  const detached = (command, args) => {
    const log = fs.openSync(path.join(work, `${path.basename(command)}.log`), 'a');
    const child = spawn(command, args, { stdio: ['ignore', log, log], detached: true });
    children.push(child);
    return child;
  };
  detached('xapian-replicate-server', ['-I', '127.0.0.1', '-p', String(port), path.dirname(db)]);
  const replicaDb = path.join(work, 'replica', 'db');
  fs.mkdirSync(path.dirname(replicaDb), { recursive: true });
  const args = ['-h', '127.0.0.1', '-p', String(port), '-m', path.basename(db)];
  const stopChildren = () => {
    for (const child of children) {
      try { process.kill(-child.pid, 'SIGTERM'); } catch { /* gone */ }
    }
  };
  let copyMs;
  for (let attempt = 0; copyMs === undefined; attempt++) {
    const started = Date.now();  // the successful pass alone
    const copied = spawnSync('xapian-replicate', [...args, '-o', replicaDb], { encoding: 'utf8' });
    if (copied.status === 0) {
      copyMs = Date.now() - started;
    } else if (attempt === 20) {
      stopChildren();
      throw new Error(`xapian-replicate failed: ${copied.stderr}`);
    } else {
      await sleep(200);  // the server may not listen yet
    }
  }
  const bytes = folderBytes(replicaDb);
  // -r 0: the changesets of one pull applied at once, not half a minute apart (its default), as
  // docs/scale-out.md says; searchd retries a request that a change caught.
  detached('xapian-replicate', [...args, '-r', '0', '-i', String(kReplicateEvery), replicaDb]);
  const server = await startServer({ dbDir: replicaDb });
  const stop = async () => {
    await server.stop();
    stopChildren();
  };
  return { server, copyMs, bytes, stop };
}

function count(text, needle) {
  return text.split(needle).length - 1;
}

function percentiles(values) {
  const sorted = [...values].sort((a, b) => a - b);
  if (!sorted.length) return 'none';
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return `p50 ${at(0.5).toFixed(1)} ms, p95 ${at(0.95).toFixed(1)} ms, p99 ${at(0.99).toFixed(1)} ms, `
    + `max ${sorted.at(-1).toFixed(1)} ms`;
}

function describe({ latencies, errors }) {
  return `${latencies.length} queries, ${percentiles(latencies)}, ${errors} errors`;
}

// The query mix, one query at a time, until `until` (ms since the epoch).
async function queryLoop(base, queries, until) {
  const latencies = [];
  let errors = 0;
  for (let i = 0; Date.now() < until; i++) {
    const started = process.hrtime.bigint();
    try {
      const response = await fetch(`${base}/api/search?${queries[i % queries.length]}`);
      await response.arrayBuffer();
      if (!response.ok) errors++;
    } catch {
      errors++;
    }
    latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
  return { latencies, errors };
}

// Query latency with no articles arriving, then while generated articles arrive at
// `options.rate` a second (each file renamed into a watched folder, as crawlers write them),
// and meanwhile, every second, how long one marked article takes to become searchable.
async function underStream({ base, input, options, found, batches }) {
  const queries = fs.readFileSync(path.join(repo, 'data', 'bench', 'queries.txt'), 'utf8')
    .split('\n').filter((line) => line && !line.startsWith('#'));
  const total = options.stream * options.rate;
  const generated = path.join(work, 'stream-corpus');
  generateCorpus(total, options.seed + 1, generated, '--txt');
  const texts = fs.readdirSync(path.join(generated, 'txt')).sort();
  const arriving = path.join(input, 'stream');
  fs.mkdirSync(arriving);

  const idle = await queryLoop(base, queries, Date.now() + options.stream * 1000);

  const batchesBefore = batches();
  const started = Date.now();
  const until = started + options.stream * 1000;
  let written = 0;
  const marks = [];
  const writer = (async () => {
    for (let second = 0; Date.now() < until; ) {
      const due = Math.min(texts.length, Math.floor(((Date.now() - started) / 1000) * options.rate));
      for (; written < due; written++) {
        const aside = path.join(work, texts[written]);
        fs.copyFileSync(path.join(generated, 'txt', texts[written]), aside);
        fs.renameSync(aside, path.join(arriving, texts[written]));
      }
      if (Date.now() - started >= second * 1000) {
        const word = token(100000 + second++);
        const aside = path.join(work, `${word}.txt`);
        fs.writeFileSync(aside, `Marked article\n\nEnvoys met in Geneva; ${word} was discussed.\n`);
        const at = process.hrtime.bigint();
        fs.renameSync(aside, path.join(arriving, `${word}.txt`));
        (async () => {
          const deadline = Date.now() + 30000;
          while (!(await found(word))) {
            if (Date.now() > deadline) return;  // counted as missing below
            await sleep(20);
          }
          marks.push(Number(process.hrtime.bigint() - at) / 1e6);
        })();
      }
      await sleep(10);
    }
  })();
  const busy = await queryLoop(base, queries, until);
  await writer;
  const marked = Math.ceil(options.stream);
  for (const deadline = Date.now() + 30000; marks.length < marked && Date.now() < deadline; ) {
    await sleep(50);  // the last marked articles
  }
  if (marks.length < marked) throw new Error(`${marked - marks.length} marked articles not searchable within 30 s`);
  return { idle, busy, written, batches: batches() - batchesBefore, marks };
}

main().catch((error) => {
  console.error(`bench-live: ${error.message}`);
  process.exit(1);
});
