// The benchmark behind scripts/bench-stories. For each seed: make a labelled set, index it twice
// (a new database built in shards by every core, and one updated in place in two runs, the
// second adding half the articles to the first half's stories), read every article's story
// back through searchd (collapse=false), and score the grouping by pairs of articles: precision
// is the share of pairs put in one story that are copies of one story, recall the share of
// such pairs put together.

import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { startServer } from '../tests/support/harness.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = path.join(repo, 'var', 'bench-stories');
const bin = (name) => path.join(repo, 'build', name);
// The test harness starts searchd; it finds the programs and data where the build put them.
process.env.TALKSEARCH_SEARCHD ??= bin('searchd/searchd');
process.env.TALKSEARCH_INDEXER ??= bin('indexer/indexer');
process.env.TALKSEARCH_DATA ??= path.join(repo, 'data');
process.env.TALKSEARCH_WEB ??= path.join(repo, 'web');

function parseArgs(argv) {
  const options = { originals: 2000, seeds: [1, 2] };
  for (let i = 0; i < argv.length; i += 2) {
    const [key, value] = [argv[i], argv[i + 1]];
    if (value === undefined) throw new Error(`${key} needs a value`);
    if (key === '--originals') options.originals = Number(value);
    else if (key === '--seeds') options.seeds = value.split(',').map(Number);
    else throw new Error(`unknown argument ${key}; use --originals N, --seeds 1,2`);
  }
  return options;
}

function run(command, args) {
  const result = spawnSync(command, args, { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (result.status !== 0) {
    throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr}`);
  }
  return result.stdout;
}

// Every article's story, read from searchd as a user would.
async function storiesOf(db) {
  const server = await startServer({ dbDir: db });
  try {
    const stories = new Map();
    for (let page = 1; ; page++) {
      const response = await (await fetch(`${server.baseUrl}/api/search?q=&collapse=false&per_page=100&sort=oldest&page=${page}`)).json();
      for (const hit of response.results) stories.set(hit.id, hit.story);
      if (response.results.length < 100) break;
    }
    return stories;
  } finally {
    await server.stop();
  }
}

// Pairs of articles in one group, counted group by group.
function pairs(groups) {
  let n = 0;
  for (const size of groups.values()) n += (size * (size - 1)) / 2;
  return n;
}

function score(truth, found) {
  const count = (key) => {
    const groups = new Map();
    for (const id of truth.keys()) groups.set(key(id), (groups.get(key(id)) ?? 0) + 1);
    return pairs(groups);
  };
  const truePairs = count((id) => truth.get(id));
  const foundPairs = count((id) => found.get(id));
  const bothPairs = count((id) => `${truth.get(id)}\t${found.get(id)}`);
  return {
    precision: foundPairs ? bothPairs / foundPairs : 1,
    recall: truePairs ? bothPairs / truePairs : 1,
    stories_true: new Set(truth.values()).size,
    stories_found: new Set([...truth.keys()].map((id) => found.get(id))).size,
  };
}

function storiesShare(stdout) {
  const line = /^stages, summed over threads: (.*)$/m.exec(stdout);
  const stages = Object.fromEntries([...line[1].matchAll(/(\w+) ([\d.]+) s/g)].map((m) => [m[1], Number(m[2])]));
  const total = Object.values(stages).reduce((sum, s) => sum + s, 0);
  return stages.stories / total;
}

async function main() {
  const { originals, seeds } = parseArgs(process.argv.slice(2));
  fs.rmSync(work, { recursive: true, force: true });
  const rows = [];
  for (const seed of seeds) {
    const set = path.join(work, `set${seed}`);
    run(process.execPath, [path.join(repo, 'scripts', 'gen-story-set.mjs'), '--originals', String(originals),
      '--seed', String(seed), '--out', set]);
    const truth = new Map(fs.readFileSync(path.join(set, 'stories.tsv'), 'utf8').trim().split('\n')
      .map((line) => line.split('\t')));

    const built = path.join(work, `built${seed}`);
    const stdout = run(bin('indexer/indexer'), ['--db', built, path.join(set, 'articles.jsonl')]);
    rows.push({ seed, build: 'new, in shards', articles: truth.size, stories_share: storiesShare(stdout),
      ...score(truth, await storiesOf(built)) });

    // In place: the first half, then the rest as a second run.
    const lines = fs.readFileSync(path.join(set, 'articles.jsonl'), 'utf8').trim().split('\n');
    const halves = path.join(work, `halves${seed}`);
    fs.mkdirSync(halves, { recursive: true });
    const half = Math.floor(lines.length / 2);
    fs.writeFileSync(path.join(halves, 'first.jsonl'), `${lines.slice(0, half).join('\n')}\n`);
    const updated = path.join(work, `updated${seed}`);
    run(bin('indexer/indexer'), ['--db', updated, '--threads', '1', halves]);
    fs.writeFileSync(path.join(halves, 'second.jsonl'), `${lines.slice(half).join('\n')}\n`);
    run(bin('indexer/indexer'), ['--db', updated, halves]);
    rows.push({ seed, build: 'updated in two runs', articles: truth.size, stories_share: NaN,
      ...score(truth, await storiesOf(updated)) });
  }
  console.log('seed  build                 articles  stories (true/found)  precision  recall  stories share of indexing');
  for (const r of rows) {
    console.log(`${String(r.seed).padEnd(6)}${r.build.padEnd(22)}${String(r.articles).padStart(8)}  `
      + `${`${r.stories_true} / ${r.stories_found}`.padStart(20)}  ${r.precision.toFixed(4).padStart(9)}  `
      + `${r.recall.toFixed(4).padStart(6)}  ${Number.isNaN(r.stories_share) ? '' : `${(r.stories_share * 100).toFixed(1)}%`}`);
  }
  fs.writeFileSync(path.join(work, 'results.json'), JSON.stringify(rows, null, 2));
}

main().catch((error) => {
  console.error(error.message);
  process.exit(1);
});
