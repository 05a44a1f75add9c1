// Live ingestion: `indexer --watch` keeps a database current while searchd serves it. Articles
// written into a watched folder become searchable, changed ones change, vanished ones go, lines
// appended to a JSON Lines file count, and SIGTERM ends the indexer cleanly.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { appendFileSync, mkdirSync, rmSync, writeFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, paths, startServer } from '../support/harness.mjs';
import { search } from './lib.mjs';

// Polls until `check` holds: the indexer commits about a second after a change.
async function eventually(check, what, deadlineMs = 10000) {
  const deadline = Date.now() + deadlineMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) assert.fail(`${what}: not within ${deadlineMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

// As typed: a word not indexed yet must not be corrected to one that is.
const total = async (base, q) => (await search(base, { q, correct: 'false' })).total;

describe('indexer --watch', () => {
  let dir;
  let input;
  let indexer;
  let log = '';
  let server;
  let base;
  before(async () => {
    dir = makeTempDir('talksearch-watch-');
    input = path.join(dir, 'input');
    mkdirSync(input);
    writeFileSync(path.join(input, 'first.md'),
      '---\ntitle: "Talks open in Istanbul"\n---\nDelegations met in Istanbul on Monday.\n');
    const db = path.join(dir, 'db');
    indexer = spawn(paths.indexer,
      ['--db', db, '--catalog', paths.catalog, '--watch', '--rescan', '60', input],
      { stdio: ['ignore', 'pipe', 'pipe'] });
    indexer.stdout.on('data', (chunk) => { log += chunk; });
    indexer.stderr.on('data', (chunk) => { log += chunk; });
    // The first run's line says it is done.
    await eventually(() => log.includes('articles in the database'), 'the first run');
    server = await startServer({ dbDir: db });
    base = server.baseUrl;
  });
  after(async () => {
    if (indexer && indexer.exitCode === null) indexer.kill('SIGKILL');
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('serves the first run', async () => {
    assert.equal(await total(base, 'Istanbul'), 1);
  });

  it('indexes a file written into the folder, and one in a new subfolder', async () => {
    writeFileSync(path.join(input, 'zaporizhzhia.md'),
      '---\ntitle: "Drones over Zaporizhzhia"\n---\nQuadcopters hit Zaporizhzhia overnight.\n');
    await eventually(async () => (await total(base, 'quadcopters')) === 1, 'a new file');
    mkdirSync(path.join(input, 'feeds', 'today'), { recursive: true });
    writeFileSync(path.join(input, 'feeds', 'today', 'geneva.txt'),
      'Envoys gather in Geneva\n\nSherpas prepared the Geneva meeting.\n');
    await eventually(async () => (await total(base, 'sherpas')) === 1, 'a file in a new folder');
  });

  it('replaces a changed file and removes a vanished one', async () => {
    // Written aside and moved in, as crawlers write atomically.
    const aside = path.join(dir, 'aside.md');
    writeFileSync(aside, '---\ntitle: "Drones over Zaporizhzhia"\n---\nInterceptors rose over Zaporizhzhia.\n');
    renameSync(aside, path.join(input, 'zaporizhzhia.md'));
    await eventually(async () => (await total(base, 'interceptors')) === 1
      && (await total(base, 'quadcopters')) === 0, 'a changed file');
    rmSync(path.join(input, 'feeds'), { recursive: true });
    await eventually(async () => (await total(base, 'sherpas')) === 0, 'a removed folder');
  });

  it('counts lines appended to a JSON Lines file', async () => {
    const feed = path.join(input, 'feed.jsonl');
    writeFileSync(feed, `${JSON.stringify({ id: 'a', title: 'Kherson ferry', body: 'Ferrymen crossed near Kherson.' })}\n`);
    await eventually(async () => (await total(base, 'ferrymen')) === 1, 'a JSON Lines file');
    appendFileSync(feed, `${JSON.stringify({ id: 'b', title: 'Odesa port', body: 'Stevedores loaded grain in Odesa.' })}\n`);
    await eventually(async () => (await total(base, 'stevedores')) === 1, 'an appended line');
    assert.equal(await total(base, 'ferrymen'), 1);
  });

  it('keeps facet counts and facet filters current as articles come and go', async () => {
    const cityCount = async (city) => {
      const found = (await search(base, { q: '' })).facets.city.find(({ value }) => value === city);
      return found ? found.count : 0;
    };
    const inLviv = async () => (await search(base, { city: 'Lviv' })).total;
    assert.equal(await cityCount('Istanbul'), 1);
    assert.equal(await cityCount('Lviv'), 0);
    writeFileSync(path.join(input, 'lviv.md'),
      '---\ntitle: "Mayors meet in Lviv"\n---\nMayors met in Lviv to plan shelters.\n');
    await eventually(async () => (await cityCount('Lviv')) === 1 && (await inLviv()) === 1,
      'a new article counted and filtered');
    assert.equal(await cityCount('Istanbul'), 1);  // the articles that did not change
    rmSync(path.join(input, 'lviv.md'));
    await eventually(async () => (await cityCount('Lviv')) === 0 && (await inLviv()) === 0,
      'a removed article no longer counted');
    assert.equal(await cityCount('Istanbul'), 1);
  });

  it('leaves hidden files alone', async () => {
    writeFileSync(path.join(input, '.draft.md'), '---\ntitle: "Draft"\n---\nPlaceholder zebras.\n');
    writeFileSync(path.join(input, 'marker.md'), '---\ntitle: "Marker"\n---\nMarker walruses.\n');
    await eventually(async () => (await total(base, 'walruses')) === 1, 'the marker');
    assert.equal(await total(base, 'zebras'), 0);
  });

  it('refuses --rescan without --watch', () => {
    const refused = spawnSync(paths.indexer, ['--db', path.join(dir, 'other'), '--rescan', '5', input],
      { encoding: 'utf8' });
    assert.equal(refused.status, 2);
    assert.match(refused.stderr, /--rescan requires --watch/);
  });

  it('exits 0 on SIGTERM', async () => {
    const exited = new Promise((resolve) => indexer.on('exit', (code, signal) => resolve({ code, signal })));
    indexer.kill('SIGTERM');
    const { code } = await exited;
    assert.equal(code, 0, log);
  });
});
