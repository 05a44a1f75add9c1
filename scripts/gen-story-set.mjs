#!/usr/bin/env node
// A labelled set for story grouping: articles of the benchmark corpus generator, copies of some
// of them made the ways news copies are made, and separately written articles on the same events.
//
//   node scripts/gen-story-set.mjs --originals N --seed S --out DIR
//
// Writes DIR/articles.jsonl (the articles in a shuffled order, as gen-corpus writes them) and
// DIR/stories.tsv ("id<TAB>story" per article: the copies of one article share its story). The
// same seed and count always give the same set.
//
// A copy takes one to three of: its headline reworded, a wire credit added (a dateline before
// the first paragraph or a credit line after the last), a paragraph dropped, a paragraph added
// from another article, a few words changed. An article on the same event keeps the original's
// headline, its first sentence (the quote every report carries) and the people it names in its
// last paragraph, and is otherwise written from other sentences: a story of its own.

import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { seededRandom } from '../tests/support/seeded_random.mjs';

const REPO = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function usage(message) {
  if (message) process.stderr.write(`gen-story-set: ${message}\n`);
  process.stderr.write('usage: node scripts/gen-story-set.mjs --originals N --seed S --out DIR\n');
  process.exit(2);
}

function parseArgs(argv) {
  const options = {};
  for (let i = 0; i < argv.length; i += 2) {
    const key = argv[i];
    if (!['--originals', '--seed', '--out'].includes(key)) usage(`unknown argument ${key}`);
    if (i + 1 >= argv.length) usage(`${key} needs a value`);
    options[key.slice(2)] = argv[i + 1];
  }
  if (!options.originals || !options.seed || !options.out) usage('--originals, --seed and --out are required');
  if (!/^\d+$/.test(options.originals) || Number(options.originals) < 2) usage('--originals must be a whole number of at least 2');
  if (!/^\d+$/.test(options.seed)) usage('--seed must be a whole number');
  return { originals: Number(options.originals), seed: Number(options.seed), out: options.out };
}

const CREDITS = [
  (p) => `KYIV (Reuters) - ${p}`,
  (p) => `MOSCOW, June 2 (AP) — ${p}`,
  (p) => `ISTANBUL (AFP) - ${p}`,
];
const CREDIT_LINES = [
  'Reporting by Olena Harmash; Editing by Alex Richardson',
  'Additional reporting by the Associated Press.',
  '(Reporting by Tom Balmforth; editing by Mark Heinrich)',
];

function main() {
  const { originals, seed, out } = parseArgs(process.argv.slice(2));
  const { next, pick } = seededRandom(seed);
  // Twice as many articles as originals: the second half gives the paragraphs and sentences that
  // copies add and that other reports of an event are written from.
  const scratch = fs.mkdtempSync(path.join(os.tmpdir(), 'story-set-'));
  try {
    execFileSync(process.execPath, [path.join(REPO, 'scripts/gen-corpus.mjs'), '--count',
      String(2 * originals), '--seed', String(seed), '--out', scratch], { stdio: 'ignore' });
    const generated = fs.readFileSync(path.join(scratch, 'articles.jsonl'), 'utf8')
      .split('\n').filter(Boolean).map((line) => JSON.parse(line));
    const donors = generated.slice(originals);
    const donorParagraph = () => pick(pick(donors).body.split('\n'));
    const donorWords = () => donorParagraph().split(/\s+/).filter((w) => /^[a-z]{4,}$/.test(w));

    const edits = {
      headline: (a) => ({ ...a, title: pick(donors).title }),
      credit: (a) => {
        const paragraphs = a.body.split('\n');
        if (next() < 0.5) paragraphs[0] = pick(CREDITS)(paragraphs[0]);
        else paragraphs.push(pick(CREDIT_LINES));
        return { ...a, body: paragraphs.join('\n') };
      },
      drop: (a) => {
        const paragraphs = a.body.split('\n');
        if (paragraphs.length < 3) return a;
        paragraphs.splice(Math.floor(next() * paragraphs.length), 1);
        return { ...a, body: paragraphs.join('\n') };
      },
      add: (a) => {
        const paragraphs = a.body.split('\n');
        paragraphs.splice(Math.floor(next() * (paragraphs.length + 1)), 0, donorParagraph());
        return { ...a, body: paragraphs.join('\n') };
      },
      words: (a) => {
        const words = a.body.split(' ');
        const replacements = donorWords();
        const changes = 3 + Math.floor(next() * 4);
        for (let i = 0; i < changes && replacements.length > 0; i++) {
          words[Math.floor(next() * words.length)] = pick(replacements);
        }
        return { ...a, body: words.join(' ') };
      },
    };
    const editNames = Object.keys(edits);

    const articles = [];
    let eventDonor = 0;
    for (let i = 0; i < originals; i++) {
      const original = generated[i];
      const story = `s${i}`;
      articles.push({ article: original, story });
      if (next() < 0.4) {
        const copies = 1 + Math.floor(next() * 3);
        for (let c = 0; c < copies; c++) {
          let copy = { ...original, id: `${original.id}-copy${c}`, source: `copies${c}.example` };
          const count = 1 + Math.floor(next() * 3);
          const chosen = new Set();
          while (chosen.size < count) chosen.add(pick(editNames));
          for (const name of chosen) copy = edits[name](copy);
          articles.push({ article: copy, story });
        }
      }
      if (next() < 0.2) {
        const paragraphs = original.body.split('\n');
        const quote = paragraphs[0].split(/(?<=[.!?”"])\s+/)[0];
        const people = (paragraphs.at(-1).match(/\b[A-Z][a-z]+ [A-Z][a-z]+\b/g) ?? []).join(', ');
        // A donor of its own: two reports written from one donor would be copies of each other.
        const own = donors[eventDonor++].body.split('\n');
        own[0] = `${quote} ${own[0]}`;
        if (people) own.push(`Among those named: ${people}.`);
        articles.push({
          article: { ...original, id: `${original.id}-event`, body: own.join('\n'), source: 'other.example' },
          story: `e${i}`,
        });
      }
    }
    for (let i = articles.length - 1; i > 0; i--) {
      const j = Math.floor(next() * (i + 1));
      [articles[i], articles[j]] = [articles[j], articles[i]];
    }
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, 'articles.jsonl'),
      articles.map(({ article }) => JSON.stringify(article)).join('\n') + '\n');
    fs.writeFileSync(path.join(out, 'stories.tsv'),
      articles.map(({ article, story }) => `${article.id}\t${story}`).join('\n') + '\n');
    const stories = new Set(articles.map(({ story }) => story)).size;
    process.stderr.write(`gen-story-set: ${articles.length} articles in ${stories} stories\n`);
  } finally {
    fs.rmSync(scratch, { recursive: true, force: true });
  }
}

main();
