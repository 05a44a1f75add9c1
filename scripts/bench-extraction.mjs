// Scores the indexer's HTML extraction on a folder in the extraction benchmark's layout
// (html/<id>.html.gz, ground-truth.json): body precision, recall and F1 over 4-token shingles,
// pages per second on one core, and the publication-date figures. Writes the per-page scores,
// worst first, to var/extraction-bench/scores.tsv.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function usage() {
  console.error(`usage: scripts/bench-extraction [options] DIR
  --tool FILE     extract-pages binary (default build/indexer/extract-pages)
  --dates FILE    hand-labelled publication dates, id -> "YYYY-MM-DD" or null
                  (default data/extraction-bench/published-dates.json)
  --holdout P     also report the pages whose ids start with one of the characters P
                  (default 89a: the half looked at least while tuning)
  --out DIR       where to write the per-page scores (default var/extraction-bench)`);
  process.exit(2);
}

const options = {
  tool: path.join(root, 'build/indexer/extract-pages'),
  dates: path.join(root, 'data/extraction-bench/published-dates.json'),
  holdout: '89a',
  out: path.join(root, 'var/extraction-bench'),
};
let dir;
const args = process.argv.slice(2);
for (let i = 0; i < args.length; ++i) {
  const flag = args[i];
  if (flag.startsWith('--')) {
    const key = flag.slice(2);
    if (!(key in options) || i + 1 >= args.length) usage();
    options[key] = path.resolve(args[++i]);
    if (key === 'holdout') options.holdout = args[i];
  } else if (!dir) {
    dir = path.resolve(flag);
  } else {
    usage();
  }
}
if (!dir) usage();

// The benchmark's metric: \w+ tokens, shingles of 4 with multiplicity; a text shorter than 4
// tokens is one shingle (the empty text too, so two empty texts match).
const TOKEN = /[\p{L}\p{N}\p{M}_]+/gu;
function shingles(text) {
  const tokens = (text ?? '').match(TOKEN) ?? [];
  const counts = new Map();
  const n = Math.max(1, tokens.length - 3);
  for (let i = 0; i < n; ++i) {
    const key = tokens.slice(i, i + 4).join('\u0001');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}
function score(truth, extracted) {
  const t = shingles(truth);
  const p = shingles(extracted);
  let tp = 0, fp = 0, fn = 0;
  for (const [key, count] of p) {
    const other = t.get(key) ?? 0;
    tp += Math.min(count, other);
    fp += Math.max(0, count - other);
  }
  for (const [key, count] of t) fn += Math.max(0, count - (p.get(key) ?? 0));
  const precision = tp + fp > 0 ? tp / (tp + fp) : 0;
  const recall = tp + fn > 0 ? tp / (tp + fn) : 0;
  return { precision, recall };
}

const truth = JSON.parse(fs.readFileSync(path.join(dir, 'ground-truth.json'), 'utf8'));
const ids = Object.keys(truth).sort();

// The pages, decompressed once into the output folder.
const pagesDir = path.join(options.out, 'html');
fs.mkdirSync(pagesDir, { recursive: true });
const files = ids.map((id) => {
  const file = path.join(pagesDir, `${id}.html`);
  if (!fs.existsSync(file)) {
    fs.writeFileSync(file, zlib.gunzipSync(fs.readFileSync(path.join(dir, 'html', `${id}.html.gz`))));
  }
  return file;
});

// Fastest of three runs: the tool counts its CPU time reading and cleaning, not the file I/O.
let records;
let seconds = Infinity;
let bytes = 0;
for (let run = 0; run < 3; ++run) {
  const result = spawnSync('taskset', ['-c', '0', options.tool, ...files],
    { maxBuffer: 1 << 30, encoding: 'utf8' });
  if (result.error || !result.stdout) {
    console.error(result.error?.message ?? result.stderr);
    process.exit(2);
  }
  records = result.stdout.trim().split('\n').map((line) => JSON.parse(line));
  const timing = result.stderr.match(/seconds ([\d.e+-]+)/);
  if (timing) seconds = Math.min(seconds, Number(timing[1]));
  bytes = Number(result.stderr.match(/bytes (\d+)/)?.[1] ?? 0);
}

const labels = fs.existsSync(options.dates)
  ? JSON.parse(fs.readFileSync(options.dates, 'utf8')) : null;

const rows = ids.map((id, i) => {
  const record = records[i];
  const { precision, recall } = score(truth[id].articleBody, record.body ?? '');
  const f1 = precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
  const label = labels ? labels[id] : undefined;
  return { id, precision, recall, f1, record, label };
});

function summary(subset) {
  const p = subset.reduce((s, r) => s + r.precision, 0) / subset.length;
  const r = subset.reduce((s, row) => s + row.recall, 0) / subset.length;
  return { n: subset.length, p, r, f1: (2 * p * r) / (p + r) };
}
function line(name, s) {
  return `${name.padEnd(22)} pages ${String(s.n).padStart(3)}  F1 ${s.f1.toFixed(3)}  ` +
    `precision ${s.p.toFixed(3)}  recall ${s.r.toFixed(3)}`;
}
console.log(line('all', summary(rows)));
const holdout = rows.filter((r) => options.holdout.includes(r.id[0]));
const rest = rows.filter((r) => !options.holdout.includes(r.id[0]));
if (holdout.length) console.log(line(`ids ${options.holdout}…`, summary(holdout)));
if (rest.length) console.log(line('the other ids', summary(rest)));
console.log(`speed                  ${(rows.length / seconds).toFixed(0)} pages/s, ` +
  `${(bytes / seconds / 1e6).toFixed(1)} MB/s on one core (reader + cleaner, fastest of 3)`);
const errors = rows.filter((r) => r.record.error);
if (errors.length) console.log(`errors                 ${errors.length}: ${errors.map((r) => r.id.slice(0, 8)).join(' ')}`);

if (labels) {
  const dated = rows.filter((r) => r.label);
  const found = dated.filter((r) => r.record.date === r.label);
  const wrong = rows.filter((r) => r.label !== undefined && r.record.date && r.record.date !== r.label);
  const undatedRight = rows.filter((r) => r.label === null && !r.record.date);
  console.log(`dates                  ${found.length}/${dated.length} labelled dates found ` +
    `(${((100 * found.length) / Math.max(1, dated.length)).toFixed(1)}%), ${wrong.length} wrong, ` +
    `${undatedRight.length}/${rows.filter((r) => r.label === null).length} undated pages left undated`);
  for (const r of wrong) console.log(`  wrong date ${r.id.slice(0, 12)} got ${r.record.date} label ${r.label}`);
  for (const r of dated.filter((x) => !x.record.date)) console.log(`  missed date ${r.id.slice(0, 12)} label ${r.label}`);
} else {
  console.log(`dates                  no labels at ${path.relative(root, options.dates)}; ` +
    `${rows.filter((r) => r.record.date).length}/${rows.length} pages dated`);
}

const sorted = [...rows].sort((a, b) => a.f1 - b.f1);
const tsv = ['id\tf1\tprecision\trecall\tdate\tlabel\ttitle'];
for (const r of sorted) {
  tsv.push([r.id, r.f1.toFixed(3), r.precision.toFixed(3), r.recall.toFixed(3), r.record.date ?? '',
    r.label ?? '', (r.record.title ?? '').replace(/\s+/g, ' ')].join('\t'));
}
fs.writeFileSync(path.join(options.out, 'scores.tsv'), tsv.join('\n') + '\n');
fs.writeFileSync(path.join(options.out, 'extracted.jsonl'),
  rows.map((r) => JSON.stringify({ id: r.id, ...r.record, file: undefined })).join('\n') + '\n');
console.log(`per page, worst first: ${path.relative(process.cwd(), path.join(options.out, 'scores.tsv'))}`);
