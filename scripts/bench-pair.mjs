// Compares this build's searchd with another build's on the same database, query by query:
// each query of the mix is asked of both `--repeat` times, alternating which goes first, and the
// median of each's took_ms (the time in the search core) is kept; the answers are also compared
// whole (JSON without took_ms), as they are, listing every copy and on a later page. Both builds
// run without their counts caches, so that every search is counted; with `--cached`, both keep
// their counts caches and each query is asked of both once before it is timed, so that what is
// compared is a search asked again (ranking and snippets). With `--chosen`, both keep their
// counts caches and only the queries with a facet selected are compared, each asked once, just
// after the same query without each of its selections (a reader choosing a facet after a search:
// those searches' counts are cached, this one's are not). Prints the percentiles of both, the
// ratios, and writes each query's medians.

import fs from 'node:fs';
import path from 'node:path';

import { bin, queries as defaultQueries, repo, startSearchd, work } from './bench-lib.mjs';

function parseArgs(argv) {
  const options = {
    db: null, against: null, repeat: 5, queries: defaultQueries, cached: false, chosen: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const value = argv[i + 1];
    switch (argv[i]) {
      case '--db': options.db = value; i++; break;
      case '--against': options.against = value; i++; break;
      case '--repeat': options.repeat = Number(value); i++; break;
      case '--queries': options.queries = value; i++; break;
      case '--cached': options.cached = true; break;
      case '--chosen': options.chosen = true; break;
      default:
        console.error('usage: scripts/bench-pair --db DIR --against OTHER_BUILD/searchd/searchd [--repeat 5] [--queries FILE] [--cached | --chosen]');
        process.exit(2);
    }
  }
  if (!options.db || !options.against || !(options.repeat >= 1)) {
    console.error('bench-pair: --db and --against are needed, --repeat at least 1');
    process.exit(2);
  }
  return options;
}

async function answer(server, query) {
  const response = await fetch(`${server.base}/api/search?${query}`);
  const body = await response.json();
  const tookMs = body.took_ms;
  delete body.took_ms;
  return { tookMs, body: JSON.stringify(body) };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];

const facetParameters = ['city', 'negotiator', 'person', 'country'];
// The searches a reader asked before choosing the facets of `query`: each without one of them.
const askedBefore = (query) => {
  const selected = facetParameters.filter((name) => new URLSearchParams(query).has(name));
  return selected.map((name) => {
    const params = new URLSearchParams(query);
    params.delete(name);
    return params.toString();
  });
};

const options = parseArgs(process.argv.slice(2));
if (options.chosen) options.repeat = 1;  // asked again, a search is cached
const mix = fs.readFileSync(options.queries, 'utf8').split('\n')
  .filter((line) => line.trim() && !line.startsWith('#'))
  .filter((line) => !options.chosen || askedBefore(line).length > 0);
// Both with this checkout's catalogue and gazetteer, so that both resolve names alike.
const shared = ['--places', bin('data/places.tsv')];
// Without --cached or --chosen, neither keeps counts: the other build must know --counts-cache.
const counted = options.cached || options.chosen ? shared : [...shared, '--counts-cache', '0'];
const other = await startSearchd(options.db, counted, options.against);
const mine = await startSearchd(options.db, counted);
const rows = [];
let differences = 0;
try {
  for (const query of mix) {
    const times = { mine: [], other: [] };
    if (options.cached) {
      for (const server of [mine, other]) await answer(server, query);
    }
    if (options.chosen) {
      for (const before of askedBefore(query)) {
        for (const server of [mine, other]) await answer(server, before);
      }
    }
    for (let i = 0; i < options.repeat; i++) {
      // Alternating which goes first, from query to query when each is asked once.
      const turn = options.chosen ? rows.length : i;
      const order = turn % 2 ? [['other', other], ['mine', mine]] : [['mine', mine], ['other', other]];
      const bodies = {};
      for (const [name, server] of order) {
        const { tookMs, body } = await answer(server, query);
        times[name].push(tookMs);
        bodies[name] = body;
      }
      if (i === 0 && bodies.mine !== bodies.other) {
        differences++;
        console.error(`bench-pair: answers differ for ${query}`);
      }
    }
    // Every story's copies listed, and a later page, compared too.
    for (const variant of ['&collapse=false', '&per_page=3&page=2']) {
      const [a, b] = [await answer(mine, query + variant), await answer(other, query + variant)];
      if (a.body !== b.body) {
        differences++;
        console.error(`bench-pair: answers differ for ${query}${variant}`);
      }
    }
    rows.push({ query, mine: median(times.mine), other: median(times.other) });
  }
} finally {
  other.child.kill('SIGTERM');
  mine.child.kill('SIGTERM');
}

const figures = (name) => {
  const sorted = rows.map((row) => row[name]).sort((a, b) => a - b);
  return [0.5, 0.95, 0.99].map((p) => percentile(sorted, p).toFixed(2)).join(' / ');
};
const sum = (name) => rows.reduce((total, row) => total + row[name], 0).toFixed(0);
const ratios = rows.map((row) => row.mine / row.other);
const geometric = Math.exp(ratios.reduce((total, r) => total + Math.log(r), 0) / ratios.length);
console.log(`queries ${rows.length}, ${options.repeat} times each; ` +
            `answers differing (of ${rows.length * 3}): ${differences}`);
console.log(`p50 / p95 / p99 ms   other ${figures('other')}   this ${figures('mine')}`);
console.log(`sum of medians ms    other ${sum('other')}   this ${sum('mine')}`);
console.log(`ratio this / other   geometric mean ${geometric.toFixed(2)}, ` +
            `under 0.9: ${ratios.filter((r) => r < 0.9).length}, over 1.1: ${ratios.filter((r) => r > 1.1).length}`);
fs.mkdirSync(work, { recursive: true });
const out = path.join(work, 'pair.tsv');
fs.writeFileSync(out, 'this_ms\tother_ms\tratio\tquery\n' + rows
  .sort((a, b) => b.mine / b.other - a.mine / a.other)
  .map((row) => `${row.mine.toFixed(2)}\t${row.other.toFixed(2)}\t${(row.mine / row.other).toFixed(2)}\t${row.query}`)
  .join('\n') + '\n');
console.log(`each query's medians, by ratio: ${path.relative(repo, out)}`);
