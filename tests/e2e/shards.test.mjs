// A sharded index must answer exactly like the single database: the bundled corpus split into
// two databases served by xapian-tcpsrv or by shardd and combined through a stub file, and the
// index that `indexer --shards 3` builds, served from its folder.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import {
  copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync,
} from 'node:fs';
import path from 'node:path';
import { startServer, runIndexer, makeTempDir, paths } from '../support/harness.mjs';
import {
  shardd, skipWithoutShardd, skipWithoutTcpsrv, startTcpsrv, stopServer, writeRemoteStub,
} from '../support/shard_servers.mjs';
import { prose } from '../support/prose.mjs';
import { ALL_IDS, FACETS, search, get, qs } from './lib.mjs';

const sortedIds = (r) => r.results.map((x) => x.id).sort();
const hitsById = (r) => Object.fromEntries(r.results.map((x) => [x.id, [x.score.toFixed(6), x.snippet, x.title_html]]));
const facetMap = (r) => Object.fromEntries(FACETS.map((f) =>
  [f, Object.fromEntries(r.facets[f].map((e) => [e.value, [e.count, e.selected]]))]));

const servers = [
  { name: 'xapian-tcpsrv', program: 'xapian-tcpsrv', skip: skipWithoutTcpsrv, spelling: false },
  // Counts from the columns it holds, in two passes at most (shard_server_counting.h), and
  // answers for its shard's spelling data (spelling_spy.h).
  { name: 'shardd', program: shardd, skip: skipWithoutShardd, spelling: true },
];

for (const server of servers) describe(`sharded index through ${server.name}`, { skip: server.skip }, () => {
  let dir;
  const shards = [];
  let single;
  let sharded;
  before(async () => {
    dir = makeTempDir('talksearch-shards-');
    const files = readdirSync(paths.corpus).filter((n) => n.endsWith('.txt')).sort();
    const groups = [files.filter((n) => n < '003'), files.filter((n) => n >= '003')];
    assert.deepEqual(groups.map((g) => g.length), [3, 2]);
    for (const [i, group] of groups.entries()) {
      const input = path.join(dir, `input${i}`);
      mkdirSync(input);
      for (const name of group) copyFileSync(path.join(paths.corpus, name), path.join(input, name));
      const db = path.join(dir, `db${i}`);
      const indexed = runIndexer(db, [input]);
      assert.equal(indexed.status, 0, indexed.stderr);
      shards.push(await startTcpsrv(db, null, server.program));
    }
    const stub = writeRemoteStub(path.join(dir, 'shards.stub'), shards);
    single = await startServer();
    sharded = await startServer({ dbDir: stub });
  });
  after(async () => {
    await sharded?.stop();
    await single?.stop();
    await Promise.all(shards.map(stopServer));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('healthz counts the documents of both shards', async () => {
    const r = await get(sharded.baseUrl, '/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.json.documents, 5);
  });

  const queries = [
    { q: 'Odessa' }, { q: 'Istanbul' }, {}, { city: 'Istanbul' }, { q: 'Istanbul OR Geneva' },
    { q: 'talks', negotiator: 'Rustem Umerov' }, { q: 'ceasefire -Trump' },
    { q: 'talks', city: ['Istanbul', 'Kyiv'], country: 'Ukraine' }, { q: 'talks', from: '2025-05-01' },
    { q: '"peace talks"', person: 'Volodymyr Zelensky', collapse: 'false' },
  ];
  for (const params of queries) {
    it(`same ids and facet counts as one database for ${JSON.stringify(params)}`, async () => {
      const one = await search(single.baseUrl, { ...params, per_page: 100 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 100 });
      assert.equal(many.total, one.total);
      assert.deepEqual(sortedIds(many), sortedIds(one));
      assert.deepEqual(facetMap(many), facetMap(one));
      assert.equal(many.undated, one.undated);
      assert.deepEqual(many.histogram, one.histogram);
      // The same scores (Xapian gathers every shard's statistics) and snippets.
      assert.deepEqual(hitsById(many), hitsById(one));
    });
  }

  // Sorted by date, a page smaller than the matches. Over many matches Xapian 1.4 then also
  // shows the client's spies matches of remote shards that their servers counted already, which
  // five articles do not bring about: shard_counting_spy_test.cpp checks that the client's spy
  // counts nothing it is shown.
  for (const params of [{ sort: 'newest' }, { q: 'talks', sort: 'oldest' }].map(
    (p) => ({ ...p, collapse: 'false' }))) {
    it(`the same counts sorted by date, one per page, for ${JSON.stringify(params)}`, async () => {
      const one = await search(single.baseUrl, { ...params, per_page: 1 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 1 });
      assert.equal(many.total, one.total);
      assert.deepEqual(facetMap(many), facetMap(one));
      assert.deepEqual(many.histogram, one.histogram);
      assert.equal(many.undated, one.undated);
    });
  }

  // Wildcards whose words stem shorter than the pattern (escalation → escal), "did you mean" and
  // completions read the words as written, the spelling data, which Xapian's remote protocol
  // cannot carry: shardd answers for its shard's, each shard here holding its own.
  const spellingQueries = [
    { q: 'escalat*' }, { q: 'evacua*' }, { q: 'escalaton' }, { q: 'negotiatons' },
    { q: 'escalat* OR evacua*' },
  ];
  for (const params of spellingQueries) {
    it(`the words as written as one database for ${JSON.stringify(params)}`, async () => {
      const one = await search(single.baseUrl, { ...params, per_page: 100 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 100 });
      assert.ok(one.total > 0, 'one database finds it');
      if (!server.spelling) return;  // found by no word, without an error
      assert.equal(many.total, one.total);
      assert.deepEqual(sortedIds(many), sortedIds(one));
      assert.equal(many.corrected, one.corrected);
      assert.deepEqual(facetMap(many), facetMap(one));
    });
  }
  it('completes words as one database does', { skip: !server.spelling && 'no spelling data' },
    async () => {
      for (const q of ['talks esc', 'nego', 'ev']) {
        const one = await get(single.baseUrl, `/api/suggest?${qs({ q })}`);
        const many = await get(sharded.baseUrl, `/api/suggest?${qs({ q })}`);
        assert.equal(many.status, 200, many.body);
        assert.ok(one.json.suggestions.some((x) => x.kind === 'word'), q);
        assert.deepEqual(many.json.suggestions, one.json.suggestions);
      }
    });

  it('every article is reachable through /api/doc on the sharded server', async () => {
    for (const id of ALL_IDS) {
      const one = await get(single.baseUrl, `/api/doc/${id}`);
      const many = await get(sharded.baseUrl, `/api/doc/${id}`);
      assert.equal(many.status, 200, `${id}: ${many.body.slice(0, 200)}`);
      assert.equal(many.json.title, one.json.title);
      assert.equal(many.json.body, one.json.body);
    }
  });

  it('paging over shards partitions the results', async () => {
    const seen = [];
    for (const page of [1, 2, 3]) {
      const r = await search(sharded.baseUrl, { q: 'Odessa', per_page: 2, page });
      seen.push(...r.results.map((x) => x.id));
    }
    assert.deepEqual(seen.sort(), ALL_IDS);
  });

  // Last: it changes a shard. A shard server's connection reopens its database when searchd
  // asks; shardd then brings its columns to the new revision before counting.
  it('counts an article committed to a shard while its server runs', async () => {
    const article = [
      'Negotiators meet again in Geneva',
      'Rustem Umerov led the Ukrainian delegation at talks in Geneva on Tuesday, officials said.',
      'The talks in Geneva, the third round this year, focused on prisoner exchanges and a',
      'ceasefire on energy infrastructure. Umerov said the delegations would meet again in',
      'Istanbul next month.',
    ].join('\n');
    const input = path.join(dir, 'input-new');
    mkdirSync(input);
    writeFileSync(path.join(input, '900_new_article.txt'), `${article}\n`);
    const added = runIndexer(path.join(dir, 'db1'), [input]);
    assert.equal(added.status, 0, added.stderr);
    const all = path.join(dir, 'input-all');
    mkdirSync(all);
    for (const name of readdirSync(paths.corpus).filter((n) => n.endsWith('.txt'))) {
      copyFileSync(path.join(paths.corpus, name), path.join(all, name));
    }
    copyFileSync(path.join(input, '900_new_article.txt'), path.join(all, '900_new_article.txt'));
    const six = await startServer({ corpus: all });
    try {
      for (const params of [{}, { q: 'Geneva' }, { q: 'talks', city: 'Geneva' }]) {
        const one = await search(six.baseUrl, { ...params, per_page: 100, collapse: 'false' });
        const many = await search(sharded.baseUrl, { ...params, per_page: 100, collapse: 'false' });
        assert.equal(many.total, one.total, JSON.stringify(params));
        assert.deepEqual(sortedIds(many), sortedIds(one));
        assert.deepEqual(facetMap(many), facetMap(one));
      }
      assert.equal((await search(sharded.baseUrl, {})).total, ALL_IDS.length + 1);
    } finally {
      await six.stop();
    }
  });
});

describe('an index built with indexer --shards', () => {
  let dir;
  let single;
  let sharded;
  before(async () => {
    dir = makeTempDir('talksearch-built-shards-');
    const index = path.join(dir, 'index');
    const built = runIndexer(index, [paths.corpus], ['--shards', '3']);
    assert.equal(built.status, 0, built.stderr);
    assert.match(readFileSync(path.join(index, 'XAPIANDB'), 'utf8'), /^auto shard0\n/);
    single = await startServer();
    sharded = await startServer({ dbDir: index });
  });
  after(async () => {
    await sharded?.stop();
    await single?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves every shard as one index, with the same ids and counts', async () => {
    for (const params of [{}, { q: 'Odessa' }, { city: 'Istanbul' }, { q: 'ceasefire -Trump' }]) {
      const one = await search(single.baseUrl, { ...params, per_page: 100 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 100 });
      assert.equal(many.total, one.total, JSON.stringify(params));
      assert.deepEqual(sortedIds(many), sortedIds(one));
      assert.deepEqual(facetMap(many), facetMap(one));
      assert.deepEqual(many.shards, { total: 3, successful: 3, failed: 0, failures: [] });
    }
  });

  it('is updated in place by a later run, which keeps its shards', async () => {
    const index = path.join(dir, 'index');
    const again = runIndexer(index, [paths.corpus]);
    assert.equal(again.status, 0, again.stderr);
    const refused = runIndexer(index, [paths.corpus], ['--shards', '2']);
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /index of 3 shards; it keeps them/);
    assert.equal((await search(sharded.baseUrl, {})).total, ALL_IDS.length);
  });
});

// Copies of stories in an index of shards, each shard served by shardd: the indexer puts every
// copy of a story in one shard, whose server counts its stories itself, so a collapsed search
// counts stories as one database does.
describe('stories over shards served by shardd', { skip: skipWithoutShardd }, () => {
  const ARTICLES = [];
  // Eight stories, each of one to four copies, with dates over three months; cities differ
  // between the copies of a story, so that a story counts once for each city one of them names.
  const cities = ['Istanbul', 'Geneva', 'Odesa', 'Kharkiv'];
  for (let story = 0; story < 8; story++) {
    const body = `Delegations met for talks on prisoners of war. ${prose(`shard-story-${story}`, 80)}`;
    for (let copy = 0; copy <= story % 4; copy++) {
      const article = {
        id: `s${story}-c${copy}`,
        title: `Talks report ${story}`,
        body: `${body} Officials later travelled to ${cities[(story + copy) % 4]}.`,
      };
      if ((story + copy) % 5 !== 0) article.date = `2025-0${3 + ((story + copy) % 3)}-1${copy}`;
      ARTICLES.push(article);
    }
  }
  let dir;
  const servers = [];
  let single;
  let sharded;
  before(async () => {
    dir = makeTempDir('talksearch-shard-stories-');
    const input = path.join(dir, 'input');
    mkdirSync(input);
    writeFileSync(path.join(input, 'feed.jsonl'),
      `${ARTICLES.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const one = path.join(dir, 'one');
    assert.equal(runIndexer(one, [input]).status, 0);
    const index = path.join(dir, 'index');
    const built = runIndexer(index, [input], ['--shards', '3']);
    assert.equal(built.status, 0, built.stderr);
    for (const shard of ['shard0', 'shard1', 'shard2']) {
      servers.push(await startTcpsrv(path.join(index, shard), null, shardd));
    }
    const stub = writeRemoteStub(path.join(dir, 'remote.stub'), servers);
    single = await startServer({ dbDir: one });
    sharded = await startServer({ dbDir: stub });
  });
  after(async () => {
    await sharded?.stop();
    await single?.stop();
    await Promise.all(servers.map(stopServer));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const storyOf = (r) => Object.fromEntries(r.results.map((hit) => [hit.id, hit.story]));
  // The stories found, each as its copies (which of them leads may differ between indexes).
  const copies = (r) => r.results.map((hit) => [hit.id, ...hit.duplicates].sort().join(' ')).sort();
  for (const params of [
    {}, { q: 'delegations' }, { q: 'talks', city: 'Geneva' }, { city: ['Odesa', 'Kharkiv'] },
    { q: 'prisoners', from: '2025-04-01' }, { city: 'Istanbul', to: '2025-04-30' },
  ]) {
    it(`counts stories as one database does for ${JSON.stringify(params)}`, async () => {
      const one = await search(single.baseUrl, { ...params, per_page: 100 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 100 });
      assert.equal(one.facets_count, 'stories');
      assert.equal(many.facets_count, 'stories');
      assert.ok(one.total > 0);
      assert.ok(one.total < ARTICLES.length, 'copies collapsed');
      assert.equal(many.total, one.total);
      assert.equal(many.total_exact, true);
      assert.equal(many.facets_exact, true);
      assert.deepEqual(facetMap(many), facetMap(one));
      assert.deepEqual(many.histogram, one.histogram);
      assert.equal(many.undated, one.undated);
      // The same stories on the page, each with all its copies.
      assert.deepEqual(copies(many), copies(one));
      assert.equal(Object.keys(storyOf(many)).length, many.total);
    });
  }

  // The indexer writes the words as written into the first shard only; its server answers for
  // them (wildcards through words that stem shorter, "did you mean", completions).
  it('finds words as written as one database does', async () => {
    for (const params of [{ q: 'delegat*' }, { q: 'prisonrs' }, { q: 'travel* delegatons' }]) {
      const one = await search(single.baseUrl, { ...params, per_page: 100 });
      const many = await search(sharded.baseUrl, { ...params, per_page: 100 });
      assert.ok(one.total > 0, JSON.stringify(params));
      assert.equal(many.total, one.total, JSON.stringify(params));
      assert.equal(many.corrected, one.corrected);
      assert.deepEqual(copies(many), copies(one));
    }
    for (const q of ['deleg', 'talks pris']) {
      const one = await get(single.baseUrl, `/api/suggest?${qs({ q })}`);
      const many = await get(sharded.baseUrl, `/api/suggest?${qs({ q })}`);
      assert.ok(one.json.suggestions.some((x) => x.kind === 'word'), q);
      assert.deepEqual(many.json.suggestions, one.json.suggestions);
    }
  });

  it('keeps every copy of a story in one shard', async () => {
    const every = await search(single.baseUrl, { per_page: 100, collapse: 'false' });
    assert.equal(every.total, ARTICLES.length);
    const stories = new Set(every.results.map((hit) => hit.story));
    assert.ok(stories.size < ARTICLES.length);
    for (const server of servers) {
      const alone = await startServer({ dbDir: server.dbDir });
      try {
        const held = await search(alone.baseUrl, { per_page: 100, collapse: 'false' });
        const heldStories = new Set(held.results.map((hit) => hit.story));
        for (const hit of every.results) {
          // A story held by this shard has all its copies here.
          if (heldStories.has(hit.story)) assert.ok(held.results.some((h) => h.id === hit.id), hit.id);
        }
      } finally {
        await alone.stop();
      }
    }
  });
});
