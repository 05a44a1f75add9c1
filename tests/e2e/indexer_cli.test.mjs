// The indexer's command line: help, warnings and exit status for bad input, incremental
// re-runs, usage errors.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startServer, makeTempDir, paths } from '../support/harness.mjs';
import { get } from './lib.mjs';

// A run that takes longer than `timeout` ms is killed and reported with its error.
function indexer(args, timeout = 120000) {
  const r = spawnSync(paths.indexer, args, { encoding: 'utf8', timeout });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr, error: r.error };
}

const GOOD_TXT = ['000_bc86243e7a049964.txt', '004_1b57a905ea256f2b.txt'];

describe('indexer command line', () => {
  let dir;
  let input;
  let dbDir;
  before(() => {
    dir = makeTempDir('talksearch-indexer-');
    input = path.join(dir, 'input');
    mkdirSync(input);
    for (const name of GOOD_TXT) copyFileSync(path.join(paths.corpus, name), path.join(input, name));
    writeFileSync(path.join(input, 'bad_utf8.txt'),
      Buffer.concat([Buffer.from('A title\nSome text '), Buffer.from([0xff, 0xfe, 0xc3]), Buffer.from(' more\n')]));
    writeFileSync(path.join(input, 'empty.txt'), '');
    writeFileSync(path.join(input, 'report.pdf'), '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
    writeFileSync(path.join(input, 'feed.jsonl'), [
      JSON.stringify({ id: 'jsonl-good-1', title: 'Talks in Istanbul', body: 'Delegations met in Istanbul to discuss a ceasefire.' }),
      '{"id": "jsonl-broken", "title": ',
      JSON.stringify({ id: 'wire/2025 good-2?&#', title: 'Geneva round', text: 'Negotiators gathered in Geneva.' }),
    ].join('\n') + '\n');
    dbDir = path.join(dir, 'db');
  });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('--help exits 0 and documents --db, --catalog, --prune, --quiet', () => {
    const r = indexer(['--help']);
    assert.equal(r.status, 0, r.stderr);
    for (const option of ['--db', '--catalog', '--prune', '--quiet']) {
      assert.ok(r.stdout.includes(option), `--help does not mention ${option}`);
    }
  });

  it('bad files are skipped with one warning each, status 1, and the good files are indexed', async () => {
    const r = indexer(['--db', dbDir, '--catalog', paths.catalog, '--quiet', input]);
    assert.equal(r.status, 1, `status ${r.status}: ${r.stderr}`);
    const lines = r.stderr.split('\n').filter((l) => l.trim() !== '');
    const expectLine = (pattern, what) => {
      const matching = lines.filter((l) => pattern.test(l));
      assert.equal(matching.length, 1, `${what}: expected one warning line, stderr:\n${r.stderr}`);
    };
    expectLine(/bad_utf8\.txt/, 'invalid UTF-8');
    expectLine(/empty\.txt/, 'empty file');
    expectLine(/report\.pdf/, 'unsupported format');
    expectLine(/feed\.jsonl:2\b/, 'malformed JSON line (file:line)');
    assert.equal(lines.length, 4, `unexpected extra output:\n${r.stderr}`);
    for (const name of GOOD_TXT) assert.ok(!r.stderr.includes(name), `${name} was warned about`);
    assert.ok(!/feed\.jsonl:[13]\b/.test(r.stderr));
    assert.equal(r.stdout.trim(), '', '--quiet prints no summary');

    const server = await startServer({ dbDir });
    try {
      const health = await get(server.baseUrl, '/healthz');
      assert.equal(health.json.documents, 4);
      for (const id of ['000_bc86243e7a049964', '004_1b57a905ea256f2b', 'jsonl-good-1', 'wire/2025 good-2?&#']) {
        const doc = await get(server.baseUrl, `/api/doc/${encodeURIComponent(id)}`);
        assert.equal(doc.status, 200, `${id} was not indexed`);
        assert.equal(doc.json.id, id);
      }
      const istanbul = await get(server.baseUrl, '/api/search?q=Istanbul');
      assert.deepEqual(istanbul.json.results.map((x) => x.id), ['jsonl-good-1']);
    } finally {
      await server.stop();
    }
  });

  it('re-running on unchanged input reports "nothing changed"', () => {
    const r = indexer(['--db', dbDir, '--catalog', paths.catalog, input]);
    assert.ok(r.status === 0 || r.status === 1, `status ${r.status}`);
    assert.match(`${r.stdout}\n${r.stderr}`, /nothing changed/);
    assert.match(`${r.stdout}\n${r.stderr}`, /4 unchanged/);
    // Only the bad input is still skipped: with the bad files gone the run is clean.
    const clean = path.join(dir, 'clean');
    mkdirSync(clean);
    for (const name of GOOD_TXT) copyFileSync(path.join(paths.corpus, name), path.join(clean, name));
    const cleanDb = path.join(dir, 'clean-db');
    assert.equal(indexer(['--db', cleanDb, '--catalog', paths.catalog, '--quiet', clean]).status, 0);
    const again = indexer(['--db', cleanDb, '--catalog', paths.catalog, clean]);
    assert.equal(again.status, 0, again.stderr);
    assert.match(`${again.stdout}\n${again.stderr}`, /nothing changed/);
  });

  it('a missing --db is a usage error on stderr with a non-zero status', () => {
    const r = indexer(['--catalog', paths.catalog, input]);
    assert.notEqual(r.status, 0);
    assert.match(r.stderr, /--db/);
  });

  it('a missing --db exits with status 2 (failure), as --help documents', () => {
    const r = indexer(['--catalog', paths.catalog, input]);
    assert.equal(r.status, 2);
  });

  it('a nonexistent input path fails with a clear message', () => {
    const missing = path.join(dir, 'no-such-folder');
    const r = indexer(['--db', path.join(dir, 'db-missing'), '--catalog', paths.catalog, '--quiet', missing]);
    assert.notEqual(r.status, 0);
    assert.ok(r.stderr.includes('no-such-folder'), r.stderr);
    assert.match(r.stderr, /no such file/i);
  });
});

// One bad file never costs the others: fifty good articles beside files that fail in every way
// we know, in a new database built by several threads and in an update of an existing one.
describe('one bad file never costs the others', () => {
  let dir;
  const GOOD = Array.from({ length: 50 }, (_, i) => `good-${String(i).padStart(2, '0')}`);
  const BAD = {
    // 1.2 MB of 200,000 nested elements: once a crash of the whole run.
    'nested.html': `<html><head><title>Deep</title></head><body>${'<div> '.repeat(200000)}<p>Deep text about Geneva.</p></body></html>`,
    'nested.md': `# Deep\n\n${'> '.repeat(100000)}quoted talks\n`,
    'nested.jsonl': `${'['.repeat(100000)}${']'.repeat(100000)}\n`,
    // Not bad: a source too long for a term is stored, and the article indexed (no term is made
    // of the source).
    'long-source.jsonl': `${JSON.stringify({ id: 'long-source', title: 'Source', body: 'Talks in Geneva went on.', source: 'x'.repeat(300) })}\n`,
    'random.txt': Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)),
    'bom-only.txt': Buffer.from([0xef, 0xbb, 0xbf]),
    'odd.jsonl': '{"id": {"nested": true}, "body": "x"}\n[1, 2, 3]\n{"id": "n", "body": null}\n',
  };
  const EXPECTED_WARNINGS = ['nested.jsonl:1', 'random.txt', 'bom-only.txt', 'odd.jsonl:1'];

  function writeInput(folder, goods, withBad) {
    mkdirSync(folder, { recursive: true });
    for (const id of goods) {
      const n = Number(id.slice(5));
      writeFileSync(path.join(folder, `${id}.txt`),
        `Round ${n} of the talks\nDelegations met for round ${n} and discussed prisoners, round number ${n * 37}.\n`);
    }
    if (withBad) for (const [name, content] of Object.entries(BAD)) writeFileSync(path.join(folder, name), content);
  }

  async function assertAllGoodIndexed(dbDir) {
    const server = await startServer({ dbDir });
    try {
      const health = await get(server.baseUrl, '/healthz');
      assert.ok(health.json.documents >= GOOD.length, JSON.stringify(health.json));
      for (const id of GOOD) {
        const doc = await get(server.baseUrl, `/api/doc/${id}`);
        assert.equal(doc.status, 200, `${id} was not indexed`);
      }
      const longSource = await get(server.baseUrl, '/api/doc/long-source');
      assert.equal(longSource.status, 200, 'the article with a long source was not indexed');
      assert.equal(longSource.json.source, 'x'.repeat(300));
    } finally {
      await server.stop();
    }
  }

  function assertWarnedAndExit1(r) {
    assert.equal(r.status, 1, `status ${r.status} (${r.error ?? ''}): ${r.stderr}`);
    for (const name of EXPECTED_WARNINGS) {
      assert.ok(r.stderr.includes(name), `no warning naming ${name}:\n${r.stderr}`);
    }
    for (const id of GOOD) assert.ok(!r.stderr.includes(`${id}.txt`), `${id} was warned about`);
    assert.ok(!r.stderr.includes('long-source.jsonl'), `long-source.jsonl was warned about:\n${r.stderr}`);
  }

  before(() => { dir = makeTempDir('talksearch-bad-files-'); });
  after(() => { if (dir) rmSync(dir, { recursive: true, force: true }); });

  it('a new database built by two threads', async () => {
    const input = path.join(dir, 'new');
    writeInput(input, GOOD, true);
    const dbDir = path.join(dir, 'new-db');
    const r = indexer(['--db', dbDir, '--catalog', paths.catalog, '--quiet', '--threads', '2', input], 60000);
    assertWarnedAndExit1(r);
    await assertAllGoodIndexed(dbDir);
  });

  it('an update of an existing database', async () => {
    const input = path.join(dir, 'update');
    writeInput(input, GOOD.slice(0, 10), false);
    const dbDir = path.join(dir, 'update-db');
    assert.equal(indexer(['--db', dbDir, '--catalog', paths.catalog, '--quiet', input]).status, 0);
    writeInput(input, GOOD, true);
    const r = indexer(['--db', dbDir, '--catalog', paths.catalog, '--quiet', '--threads', '2', input], 60000);
    assertWarnedAndExit1(r);
    await assertAllGoodIndexed(dbDir);
  });
});
