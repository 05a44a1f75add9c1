// Scores the city, negotiator and person facets against hand-labelled articles (docs/entities.md).
// Each folder holds article files and labels.json. A label listed as ambiguous counts neither way;
// the person facet is expected to hold the article's negotiators too (they are persons).
// With --adjudicated, the decisions of a folder's adjudication.json (disputed names judged again
// by the labelling rules) replace the labels they are about; spelling questions (same_as) are
// left as labelled.
// With more than one folder, the folders' counts are also pooled, with a 90% interval for each
// figure from resampling whole folders (each folder is one labeller's reading of one batch of
// sites, so its articles' errors are not independent of each other).
import { spawnSync } from 'node:child_process';
import { readFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const args = process.argv.slice(2);
let tool = path.join(root, 'build/indexer/find-entities');
let catalog = path.join(root, 'data/entities.toml');
let quiet = false;
let adjudicated = false;
const folders = [];
const usage = 'usage: scripts/bench-entities [--tool FIND_ENTITIES] [--catalog FILE] [--quiet] ' +
  '[--adjudicated] [DIR...]';
const fail = (message) => {
  console.error(`bench-entities: ${message}`);
  process.exit(2);
};
const value = (i) => (i < args.length ? args[i] : fail(`${args[i - 1]} wants a value\n${usage}`));
for (let i = 0; i < args.length; ++i) {
  if (args[i] === '--help' || args[i] === '-h') {
    console.log(usage);
    process.exit(0);
  } else if (args[i] === '--tool') tool = value(++i);
  else if (args[i] === '--catalog') catalog = value(++i);
  else if (args[i] === '--quiet') quiet = true;
  else if (args[i] === '--adjudicated') adjudicated = true;
  else if (args[i].startsWith('-')) fail(`unknown option ${args[i]}\n${usage}`);
  else folders.push(args[i]);
}
if (folders.length === 0) {
  folders.push(path.join(root, 'tests/data/entities/dev'), path.join(root, 'tests/data/entities/eval'));
}
for (const folder of folders) {
  if (!existsSync(path.join(folder, 'labels.json'))) fail(`${folder} has no labels.json`);
}
if (!existsSync(tool)) {
  console.error(`bench-entities: ${tool} not found (build the find-entities target)`);
  process.exit(2);
}

const key = (name) => name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
const facets = ['city', 'negotiator', 'person'];

// Applies `items` (adjudication.json) to the labels of one article.
function adjudicate(label, items) {
  for (const item of items) {
    if (item.file !== label.file || item.same_as) continue;
    const k = key(item.name);
    const without = (list) => (list ?? []).filter((name) => key(name) !== k);
    const labelled = [...(label.negotiator ?? []), ...(label.person ?? [])].some((name) => key(name) === k);
    switch (item.decision) {
      case 'city': label.city = [...without(label.city), item.name]; break;
      case 'not_city': label.city = without(label.city); break;
      case 'negotiator':
        label.person = without(label.person);
        label.negotiator = [...without(label.negotiator), item.name];
        break;
      case 'person':
        label.negotiator = without(label.negotiator);
        label.person = [...without(label.person), item.name];
        break;
      case 'neither':
        label.negotiator = without(label.negotiator);
        label.person = without(label.person);
        break;
      case 'ambiguous':
        // Counted neither way: out of the lists, into ambiguous; a person all the same when the
        // question was only whether they negotiate.
        if (item.kind === 'place') label.city = without(label.city);
        else {
          label.negotiator = without(label.negotiator);
          if (labelled) label.person = [...without(label.person), item.name];
        }
        label.ambiguous = [...(label.ambiguous ?? []), item.name];
        break;
      default:
        throw new Error(`unknown decision ${item.decision} for ${item.name} in ${label.file}`);
    }
  }
}

function score(folder) {
  const labels = JSON.parse(readFileSync(path.join(folder, 'labels.json'), 'utf8')).articles;
  const decisions = path.join(folder, 'adjudication.json');
  if (adjudicated && existsSync(decisions)) {
    const { items } = JSON.parse(readFileSync(decisions, 'utf8'));
    for (const label of labels) adjudicate(label, items);
  }
  const files = labels.map((label) => path.join(folder, label.file));
  const run = spawnSync(tool, ['--catalog', catalog, ...files], { encoding: 'utf8', maxBuffer: 1 << 26 });
  if (run.status !== 0 && !run.stdout) {
    console.error(run.stderr);
    process.exit(1);
  }
  const found = new Map(run.stdout.trim().split('\n').map((line) => {
    const row = JSON.parse(line);
    return [path.basename(row.file), row];
  }));
  const totals = Object.fromEntries(facets.map((f) => [f, { tp: 0, fp: 0, fn: 0 }]));
  const errors = [];
  for (const label of labels) {
    const row = found.get(label.file);
    if (row.error) errors.push(`${label.file}: ${row.error}`);
    const ambiguous = new Set((label.ambiguous ?? []).map(key));
    const expected = {
      city: label.city ?? [],
      negotiator: label.negotiator ?? [],
      person: [...(label.person ?? []), ...(label.negotiator ?? [])],
    };
    for (const facet of facets) {
      const want = new Map(expected[facet].map((name) => [key(name), name]));
      const got = new Map((row.facets?.[facet] ?? []).map((name) => [key(name), name]));
      for (const [k, name] of got) {
        if (want.has(k)) totals[facet].tp++;
        else if (!ambiguous.has(k)) {
          totals[facet].fp++;
          errors.push(`${label.file}: ${facet} +${name} (not labelled)`);
        }
      }
      for (const [k, name] of want) {
        if (!got.has(k)) {
          totals[facet].fn++;
          errors.push(`${label.file}: ${facet} -${name} (missed)`);
        }
      }
    }
  }
  return { totals, errors, articles: labels.length };
}

const ratio = (a, b) => (b === 0 ? 1 : a / b);

// A seeded generator, so that the interval is the same from run to run.
function mulberry32(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// The pooled figures of `scored` (one totals per folder) and their 5th and 95th percentiles over
// resamples of the folders with replacement.
function pooled(scored, facet) {
  const sum = (sample) => sample.reduce((acc, t) => ({
    tp: acc.tp + t[facet].tp, fp: acc.fp + t[facet].fp, fn: acc.fn + t[facet].fn,
  }), { tp: 0, fp: 0, fn: 0 });
  const all = sum(scored);
  const random = mulberry32(1);
  const resamples = 10000;
  const precisions = [];
  const recalls = [];
  for (let i = 0; i < resamples; ++i) {
    const { tp, fp, fn } = sum(scored.map(() => scored[Math.floor(random() * scored.length)]));
    precisions.push(ratio(tp, tp + fp));
    recalls.push(ratio(tp, tp + fn));
  }
  const interval = (values) => {
    values.sort((a, b) => a - b);
    return [values[Math.floor(resamples * 0.05)], values[Math.floor(resamples * 0.95)]];
  };
  return { ...all, precision: interval(precisions), recall: interval(recalls) };
}

const scored = [];
let pooledArticles = 0;
for (const folder of folders) {
  const { totals, errors, articles } = score(folder);
  scored.push(totals);
  pooledArticles += articles;
  console.log(`\n${path.relative(process.cwd(), folder) || folder}: ${articles} articles`);
  console.log('facet        precision  recall    F1    (tp fp fn)');
  for (const facet of facets) {
    const { tp, fp, fn } = totals[facet];
    const p = ratio(tp, tp + fp);
    const r = ratio(tp, tp + fn);
    const f1 = p + r === 0 ? 0 : (2 * p * r) / (p + r);
    console.log(`${facet.padEnd(12)} ${p.toFixed(3).padStart(9)} ${r.toFixed(3).padStart(7)} ` +
      `${f1.toFixed(3).padStart(6)}    (${tp} ${fp} ${fn})`);
  }
  if (!quiet) for (const error of errors) console.log(`  ${error}`);
}
if (folders.length > 1) {
  console.log(`\n${folders.length} folders pooled: ${pooledArticles} articles`);
  console.log('facet        precision (90%)        recall (90%)           (tp fp fn)');
  const range = ([low, high]) => `(${low.toFixed(3)}–${high.toFixed(3)})`;
  for (const facet of facets) {
    const { tp, fp, fn, precision, recall } = pooled(scored, facet);
    console.log(`${facet.padEnd(12)} ${ratio(tp, tp + fp).toFixed(3)} ${range(precision)}  ` +
      `${ratio(tp, tp + fn).toFixed(3)} ${range(recall)}  (${tp} ${fp} ${fn})`);
  }
}
