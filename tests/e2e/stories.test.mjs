// Stories over HTTP: copies of one report (a wire credit, a reworded headline, a paragraph more)
// indexed beside other reports; a search shows one result per story, listing its copies.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, runIndexer, startServer } from '../support/harness.mjs';
import { prose } from '../support/prose.mjs';
import { get, search, assertError } from './lib.mjs';

const REPORT = 'Ukrainian and Russian delegations met in Istanbul on Monday for a second round of direct '
  + 'talks and agreed to exchange prisoners of war. ' + prose('istanbul-report', 80);
const ARTICLES = [
  { id: 'wire', title: 'Second round of talks in Istanbul', body: REPORT },
  { id: 'wire-reuters', title: 'Prisoner exchange agreed', body: `ISTANBUL (Reuters) - ${REPORT}` },
  { id: 'wire-update', title: 'Istanbul talks end', body: `${REPORT}\n${prose('update', 20)}` },
  { id: 'own-report', title: 'What the Istanbul talks agreed', body: `Delegations met in Istanbul. ${prose('own-report', 80)}` },
  { id: 'elsewhere', title: 'Talks in Geneva', body: `Talks in Geneva stalled. ${prose('geneva', 80)}` },
];
const COPIES = ['wire', 'wire-reuters', 'wire-update'];

describe('stories: copies collapsed into one result', () => {
  let dir;
  let server;
  let base;
  before(async () => {
    dir = makeTempDir('talksearch-stories-');
    const input = path.join(dir, 'input');
    mkdirSync(input);
    writeFileSync(path.join(input, 'feed.jsonl'), `${ARTICLES.map((a) => JSON.stringify(a)).join('\n')}\n`);
    const indexed = runIndexer(path.join(dir, 'db'), [input]);
    assert.equal(indexed.status, 0, indexed.stderr);
    server = await startServer({ dbDir: path.join(dir, 'db') });
    base = server.baseUrl;
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('shows one result per story, listing the other copies', async () => {
    const r = await search(base, { q: 'Istanbul' });
    assert.equal(r.total, 2);
    assert.equal(r.results.length, 2);
    const wire = r.results.find((hit) => COPIES.includes(hit.id));
    assert.ok(wire, 'one copy of the wire story');
    assert.deepEqual([wire.id, ...wire.duplicates].sort(), [...COPIES].sort());
    const own = r.results.find((hit) => hit.id === 'own-report');
    assert.deepEqual(own.duplicates, []);
    assert.notEqual(own.story, wire.story);
    assert.equal(typeof wire.story, 'string');
  });

  it('collapse=false shows every article', async () => {
    const r = await search(base, { q: 'Istanbul', collapse: 'false' });
    assert.equal(r.total, 4);
    const stories = new Map(r.results.map((hit) => [hit.id, hit.story]));
    assert.equal(new Set(COPIES.map((id) => stories.get(id))).size, 1);
    assertError(await get(base, '/api/search?q=Istanbul&collapse=yes'), 400, 'invalid_parameter');
  });

  it('facet counts count stories, or articles with collapse=false, and say which', async () => {
    const istanbul = (r) => r.facets.city.find((v) => v.value === 'Istanbul')?.count;
    const collapsed = await search(base, { q: 'Istanbul' });
    assert.equal(collapsed.facets_count, 'stories');
    assert.equal(istanbul(collapsed), 2);
    assert.equal(collapsed.undated, 2);  // two undated stories
    const every = await search(base, { q: 'Istanbul', collapse: 'false' });
    assert.equal(every.facets_count, 'articles');
    assert.equal(istanbul(every), 4);
    assert.equal(every.undated, 4);
  });

  it('related coverage of a copy lists other stories only', async () => {
    for (const id of COPIES) {
      const r = await get(base, `/api/related/${id}`);
      assert.equal(r.status, 200);
      for (const hit of r.json.results) assert.ok(!COPIES.includes(hit.id), `${id} lists its copy ${hit.id}`);
    }
  });
});
