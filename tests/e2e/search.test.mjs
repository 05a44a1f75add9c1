// End-to-end tests of /api/search, /api/doc, /api/suggest, /healthz, /metrics and the UI root
// against the real searchd over the bundled corpus (data/corpus).
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, startServer, paths } from '../support/harness.mjs';
import { ALL_IDS, FACETS, get, search, idsOf } from './lib.mjs';

const GENEVA = '004_1b57a905ea256f2b';
const ISTANBUL = ['002_90cb00061bcb65f3', '003_f84507c056fc63c0'];

// The corpus texts, by id (file name without .txt), to compute expected sets from.
function corpusTexts() {
  const texts = {};
  for (const name of readdirSync(paths.corpus)) {
    if (name.endsWith('.txt')) texts[name.slice(0, -4)] = readFileSync(path.join(paths.corpus, name), 'utf8');
  }
  return texts;
}
function idsMatching(texts, regex) {
  return Object.keys(texts).filter((id) => regex.test(texts[id])).sort();
}

// Everything but <mark> and </mark> must be escaped text.
function assertOnlyMarkMarkup(html) {
  const stripped = html.replaceAll('<mark>', '').replaceAll('</mark>', '');
  assert.ok(!/[<>]/.test(stripped), `unescaped markup in ${html}`);
  assert.ok(!/&(?!(amp|lt|gt|quot|#39|#x27|apos|#\d+|#x[0-9a-f]+);)/i.test(stripped),
    `unescaped & in ${html}`);
}

describe('search API over the bundled corpus', () => {
  let server;
  let base;
  let texts;
  before(async () => {
    server = await startServer();
    base = server.baseUrl;
    texts = corpusTexts();
  });
  after(async () => { await server?.stop(); });

  it('the corpus has the five expected articles', () => {
    assert.deepEqual(Object.keys(texts).sort(), ALL_IDS);
  });

  it('q=Geneva ranks the Geneva article first with a highlighted, escaped snippet', async () => {
    const r = await search(base, { q: 'Geneva' });
    assert.equal(r.results[0].id, GENEVA);
    const first = r.results[0];
    assert.match(first.snippet, /<mark>Geneva<\/mark>/);
    assertOnlyMarkMarkup(first.snippet);
    assert.match(first.title_html, /<mark>Geneva<\/mark>/);
    assertOnlyMarkMarkup(first.title_html);
    assert.deepEqual(idsOf(r), idsMatching(texts, /Geneva/));
  });

  it('q=Istanbul returns exactly the two Istanbul articles', async () => {
    const r = await search(base, { q: 'Istanbul' });
    assert.deepEqual(idsOf(r), ISTANBUL);
    assert.equal(r.total, 2);
  });

  it('the response has every documented field with the right types', async () => {
    const r = await search(base, { q: 'Odessa talks', city: 'Odesa' });
    assert.equal(r.query, 'Odessa talks');
    assert.ok(r.corrected === null || typeof r.corrected === 'string');
    assert.equal(typeof r.total, 'number');
    assert.equal(r.total_exact, true);
    assert.equal(r.page, 1);
    assert.equal(r.per_page, 10);
    assert.equal(r.sort, 'relevance');
    assert.equal(typeof r.took_ms, 'number');
    assert.deepEqual(r.filters, { city: ['Odesa'] });
    assert.ok(Array.isArray(r.results));
    assert.equal(r.results.length, 5);
    for (const hit of r.results) {
      assert.equal(typeof hit.id, 'string');
      assert.equal(typeof hit.title, 'string');
      assert.equal(typeof hit.title_html, 'string');
      for (const key of ['date', 'source', 'url']) {
        assert.ok(key in hit, `result lacks ${key}`);
        assert.ok(hit[key] === null || typeof hit[key] === 'string');
      }
      assert.equal(typeof hit.score, 'number');
      assert.equal(typeof hit.snippet, 'string');
      assertOnlyMarkMarkup(hit.snippet);
      assertOnlyMarkMarkup(hit.title_html);
      assert.equal(typeof hit.entities, 'object');
      for (const [facet, values] of Object.entries(hit.entities)) {
        assert.ok(FACETS.includes(facet), `unknown facet ${facet}`);
        assert.ok(Array.isArray(values) && values.length > 0, `empty facet ${facet} listed`);
        for (const v of values) assert.equal(typeof v, 'string');
      }
    }
    assert.deepEqual(Object.keys(r.facets).sort(), [...FACETS].sort());
    for (const facet of FACETS) {
      for (const entry of r.facets[facet]) {
        assert.equal(typeof entry.value, 'string');
        assert.equal(typeof entry.count, 'number');
        assert.equal(typeof entry.selected, 'boolean');
      }
    }
    assert.ok(Array.isArray(r.histogram));
    assert.equal(typeof r.undated, 'number');
    assert.equal(r.undated, 5, 'no bundled article has a date');
  });

  it('aliases and transliterations: Odessa, Zaporizhia, Zelenskyy, Kiev, Cyrillic Одеса', async () => {
    assert.deepEqual(idsOf(await search(base, { q: 'Odessa' })), ALL_IDS);
    assert.deepEqual(idsOf(await search(base, { q: 'Zaporizhia' })),
      idsMatching(texts, /Zaporizh(zh)?ia/));
    assert.deepEqual(idsOf(await search(base, { q: 'Zelenskyy' })),
      idsMatching(texts, /Zelensky/));
    const kyiv = idsMatching(texts, /\b(Kyiv|Kiev)\b/);
    assert.ok(kyiv.length > 0);
    assert.deepEqual(idsOf(await search(base, { q: 'Kiev' })), kyiv);
    assert.deepEqual(idsOf(await search(base, { q: 'Одеса' })), ALL_IDS);
  });

  it('phrase search "prisoner exchange"', async () => {
    // Phrases match stem by stem: "prisoner exchanges" too.
    const r = await search(base, { q: '"prisoner exchange"' });
    assert.deepEqual(idsOf(r), idsMatching(texts, /prisoner exchanges?\b/i));
    assert.ok(r.results.length >= 1);
    // 002 has both words, but not next to each other.
    assert.ok(!idsOf(r).includes('002_90cb00061bcb65f3'));
  });

  it('boolean operators, NOT/-, parentheses, wildcard', async () => {
    assert.deepEqual(idsOf(await search(base, { q: 'Istanbul OR Geneva' })), [...ISTANBUL, GENEVA]);
    const minus = idsOf(await search(base, { q: 'ceasefire -Trump' }));
    const not = idsOf(await search(base, { q: 'ceasefire NOT Trump' }));
    assert.deepEqual(minus, not);
    const withTrump = idsMatching(texts, /Trump/);
    assert.ok(withTrump.length > 0);
    for (const id of withTrump) assert.ok(!minus.includes(id), `${id} mentions Trump`);
    assert.deepEqual(minus, idsMatching(texts, /ceasefire/i).filter((id) => !withTrump.includes(id)));
    assert.deepEqual(idsOf(await search(base, { q: '(Istanbul OR Geneva) ceasefire' })),
      idsMatching(texts, /ceasefire/i).filter((id) => /Istanbul|Geneva/.test(texts[id])));
    assert.deepEqual(idsOf(await search(base, { q: 'negotiat*' })), idsMatching(texts, /\bnegotiat/i));
  });

  it('field searches: title:, city:, negotiator:', async () => {
    assert.deepEqual(idsOf(await search(base, { q: 'title:Geneva' })), [GENEVA]);
    assert.deepEqual(idsOf(await search(base, { q: 'city:Odessa' })), ALL_IDS);
    assert.deepEqual(idsOf(await search(base, { q: 'negotiator:Medinsky' })), idsMatching(texts, /Medinsky/));
  });

  it('English stemming: talk finds talks', async () => {
    const r = await search(base, { q: 'talk' });
    assert.deepEqual(idsOf(r), idsMatching(texts, /\btalks?\b/i));
  });

  it('empty q matches all five with all six facets present', async () => {
    for (const path of ['/api/search', '/api/search?q=']) {
      const r = await get(base, path);
      assert.equal(r.status, 200);
      assert.equal(r.json.total, 5);
      assert.deepEqual(r.json.results.map((x) => x.id).sort(), ALL_IDS);
      assert.deepEqual(Object.keys(r.json.facets).sort(), [...FACETS].sort());
      assert.equal(r.json.sort, 'newest', 'empty q defaults to newest');
    }
  });

  it('facet filters go through the catalogue; one facet ORs, two facets AND', async () => {
    const odessa = idsOf(await search(base, { city: 'Odessa' }));
    const odesa = idsOf(await search(base, { city: 'Odesa' }));
    assert.deepEqual(odessa, odesa);
    assert.deepEqual(odesa, ALL_IDS);
    const istanbul = idsOf(await search(base, { city: 'Istanbul' }));
    assert.deepEqual(istanbul, ISTANBUL);
    const either = idsOf(await search(base, [['city', 'Istanbul'], ['city', 'Geneva']]));
    assert.deepEqual(either, [...ISTANBUL, GENEVA]);
    const medinsky = idsOf(await search(base, { negotiator: 'Vladimir Medinsky' }));
    const both = idsOf(await search(base, { city: 'Istanbul', negotiator: 'Vladimir Medinsky' }));
    assert.deepEqual(both, istanbul.filter((id) => medinsky.includes(id)));
  });

  it('facet counts are exact and disjunctive, sorted by count then name', async () => {
    const all = await search(base, { per_page: 100 });
    // Brute-force counts from the per-result entities.
    const counts = (results, facet) => {
      const m = new Map();
      for (const hit of results) for (const v of hit.entities[facet] ?? []) m.set(v, (m.get(v) ?? 0) + 1);
      return m;
    };
    for (const facet of FACETS) {
      const expected = counts(all.results, facet);
      const listed = all.facets[facet];
      assert.equal(listed.length, Math.min(50, expected.size), `${facet} lists every value`);
      for (const entry of listed) {
        assert.equal(entry.count, expected.get(entry.value), `${facet}=${entry.value}`);
        assert.equal(entry.selected, false);
      }
      for (let i = 1; i < listed.length; i++) {
        const a = listed[i - 1]; const b = listed[i];
        assert.ok(a.count > b.count || (a.count === b.count && a.value.localeCompare(b.value, 'en') <= 0),
          `${facet} order: ${a.value}(${a.count}) before ${b.value}(${b.count})`);
      }
    }
    // Disjunctive: with city=Istanbul the city facet ignores its own selection, other facets don't.
    const filtered = await search(base, { city: 'Istanbul', per_page: 100 });
    const city = new Map(filtered.facets.city.map((e) => [e.value, e]));
    assert.equal(city.get('Geneva')?.count, counts(all.results, 'city').get('Geneva'));
    assert.equal(city.get('Istanbul')?.selected, true);
    assert.equal(city.get('Istanbul')?.count, 2);
    assert.equal(city.get('Geneva')?.selected, false);
    const countryExpected = counts(filtered.results, 'country');
    for (const entry of filtered.facets.country) {
      assert.equal(entry.count, countryExpected.get(entry.value), `country=${entry.value} under city=Istanbul`);
    }
    assert.equal(filtered.facets.country.length, countryExpected.size);
  });

  it('a selected value with no match is listed with count 0', async () => {
    const r = await search(base, { city: 'Kryvyi Rih' });
    assert.equal(r.total, 0);
    const entry = r.facets.city.find((e) => e.value === 'Kryvyi Rih');
    assert.ok(entry, `Kryvyi Rih missing from ${JSON.stringify(r.facets.city)}`);
    assert.equal(entry.count, 0);
    assert.equal(entry.selected, true);
  });

  it('a typo that matches nothing shows the results of its correction, and says so', async () => {
    const typo = await search(base, { q: 'Zelenksy peace' });
    assert.equal(typeof typo.corrected, 'string');
    assert.match(typo.corrected, /zelensky/i);
    assert.equal(typo.query, 'Zelenksy peace');
    assert.equal(typo.showing_corrected, true);
    const fixed = await search(base, { q: typo.corrected });
    assert.ok(fixed.total > 0);
    assert.equal(typo.total, fixed.total);
    assert.deepEqual(typo.results.map((h) => h.id), fixed.results.map((h) => h.id));
    // "Search instead for": exactly as typed.
    const asTyped = await search(base, { q: 'Zelenksy peace', correct: 'false' });
    assert.equal(asTyped.total, 0);
    assert.equal(asTyped.showing_corrected, false);
    assert.equal(asTyped.corrected, typo.corrected);
    // A query that matches as typed is never replaced.
    const odessa = await search(base, { q: 'Odessa' });
    assert.equal(odessa.corrected, null);
    assert.equal(odessa.showing_corrected, false);
  });

  it('sort=newest/oldest/relevance are accepted and echoed', async () => {
    for (const sort of ['newest', 'oldest', 'relevance']) {
      const r = await search(base, { q: 'talks', sort });
      assert.equal(r.sort, sort);
      assert.equal(r.total, 5);
    }
  });

  it('paging with per_page=2 partitions the results', async () => {
    const seen = [];
    for (const page of [1, 2, 3]) {
      const r = await search(base, { q: 'Odessa', per_page: 2, page });
      assert.equal(r.page, page);
      assert.equal(r.per_page, 2);
      assert.equal(r.total, 5);
      assert.equal(r.results.length, page < 3 ? 2 : 1);
      seen.push(...r.results.map((x) => x.id));
    }
    assert.equal(new Set(seen).size, seen.length, `duplicates in ${seen}`);
    assert.deepEqual(seen.sort(), ALL_IDS);
    const beyond = await search(base, { q: 'Odessa', per_page: 2, page: 4 });
    assert.deepEqual(beyond.results, []);
  });

  it('/api/doc/{id} returns the article with entities whose offsets slice to the name', async () => {
    for (const id of ALL_IDS) {
      const r = await get(base, `/api/doc/${encodeURIComponent(id)}`);
      assert.equal(r.status, 200, r.body);
      const doc = r.json;
      assert.equal(doc.id, id);
      assert.equal(typeof doc.title, 'string');
      assert.equal(typeof doc.body, 'string');
      assert.ok(doc.body.length > 100);
      for (const key of ['date', 'source', 'url']) assert.equal(doc[key], null);
      assert.ok(Array.isArray(doc.entities) && doc.entities.length > 0);
      const fields = { title: Array.from(doc.title), body: Array.from(doc.body) };
      for (const entity of doc.entities) {
        assert.equal(typeof entity.name, 'string');
        assert.equal(typeof entity.type, 'string');
        assert.ok(Array.isArray(entity.facets));
        assert.ok(Array.isArray(entity.roles));
        assert.ok(entity.mentions.length > 0, `${entity.name} without mentions`);
        for (const m of entity.mentions) {
          assert.ok(m.field in fields, `field ${m.field}`);
          assert.ok(m.start >= 0 && m.end > m.start && m.end <= fields[m.field].length);
          const text = fields[m.field].slice(m.start, m.end).join('');
          assert.ok(text.length > 0 && !/^\s|\s$/.test(text), `${entity.name} mention "${text}"`);
          assert.ok(/^[\p{L}\p{N}]/u.test(text) && /[\p{L}\p{N}.]$/u.test(text),
            `${entity.name}: mention "${text}" does not sit on word boundaries`);
        }
      }
    }
    const geneva = (await get(base, `/api/doc/${GENEVA}`)).json;
    const body = Array.from(geneva.body);
    const city = geneva.entities.find((e) => e.name === 'Geneva');
    assert.ok(city);
    assert.deepEqual(city.facets, ['city']);
    for (const m of city.mentions) {
      const field = m.field === 'body' ? body : Array.from(geneva.title);
      assert.equal(field.slice(m.start, m.end).join(''), 'Geneva');
    }
    const odesa = geneva.entities.find((e) => e.name === 'Odesa');
    assert.ok(odesa);
    for (const m of odesa.mentions.filter((x) => x.field === 'body')) {
      assert.match(body.slice(m.start, m.end).join(''), /^(Odesa|Odessa|Одеса|Одесса)$/);
    }
    assert.ok(!('highlights' in geneva) || geneva.highlights.length === 0);
  });

  it('/api/doc/{id}?q=Geneva highlights the matched words', async () => {
    const r = await get(base, `/api/doc/${GENEVA}?q=Geneva`);
    assert.equal(r.status, 200);
    const doc = r.json;
    assert.ok(Array.isArray(doc.highlights) && doc.highlights.length >= 2);
    const fields = { title: Array.from(doc.title), body: Array.from(doc.body) };
    for (const h of doc.highlights) {
      assert.equal(fields[h.field].slice(h.start, h.end).join('').toLowerCase(), 'geneva');
    }
    assert.ok(doc.highlights.some((h) => h.field === 'body'));
  });

  it('/api/suggest?q=od offers the city Odesa', async () => {
    const r = await get(base, '/api/suggest?q=od');
    assert.equal(r.status, 200);
    assert.equal(r.json.query, 'od');
    assert.ok(r.json.suggestions.length <= 10);
    const odesa = r.json.suggestions.find((s) => s.kind === 'entity' && s.label === 'Odesa');
    assert.ok(odesa, JSON.stringify(r.json));
    assert.equal(odesa.facet, 'city');
    assert.equal(odesa.type, 'city');
    assert.equal(odesa.query, 'Odesa');
    const two = await get(base, '/api/suggest?q=talks%20od');
    assert.ok(two.json.suggestions.some((s) => s.query === 'talks Odesa'), two.body);
  });

  it('/healthz reports five documents', async () => {
    const r = await get(base, '/healthz');
    assert.equal(r.status, 200);
    assert.equal(r.json.status, 'ok');
    assert.equal(r.json.documents, 5);
    assert.equal(typeof r.json.last_reopen, 'string');
  });

  it('/metrics is Prometheus text with request counts and the document count', async () => {
    const r = await get(base, '/metrics');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /^text\/plain/);
    assert.match(r.body, /^talksearch_requests_total\{[^}]*endpoint="[^"]+"[^}]*status="\d{3}"[^}]*\} \d+/m);
    assert.match(r.body, /^talksearch_documents 5$/m);
    assert.match(r.body, /^talksearch_request_duration_seconds_bucket\{/m);
    assert.match(r.body, /^talksearch_last_reopen_timestamp_seconds /m);
  });

  it('/ serves the HTML UI with a Content-Security-Policy', async () => {
    const r = await get(base, '/');
    assert.equal(r.status, 200);
    assert.match(r.headers.get('content-type') ?? '', /text\/html/);
    assert.match(r.body, /<html/i);
    const csp = r.headers.get('content-security-policy');
    assert.ok(csp, 'no CSP header');
    assert.match(csp, /script-src 'self'(;|$)/);
    assert.doesNotMatch(csp, /unsafe-inline|unsafe-eval/);
    const json = await get(base, '/api/search?q=Odessa');
    assert.match(json.headers.get('content-type') ?? '', /^application\/json/);
  });
});

// A place only the gazetteer knows (not the catalogue), written in Latin letters in one article
// and in a Ukrainian case in another.
// Writes `articles` as JSON Lines into a new temporary folder and serves them.
async function serveArticles(articles) {
  const dir = makeTempDir();
  const file = path.join(dir, 'articles.jsonl');
  writeFileSync(file, articles.map((a) => JSON.stringify(a)).join('\n') + '\n');
  return { dir, server: await startServer({ corpus: file }) };
}

describe('a gazetteer place across scripts', () => {
  let server;
  let dir;
  before(async () => {
    ({ dir, server } = await serveArticles([
      { id: 'ua', title: 'Переговори в Туреччині', date: '2026-05-02',
        body: 'Делегації зустрілися в Анкарі у четвер і обговорили обмін полоненими.' },
      { id: 'en', title: 'Talks in Turkey', date: '2026-05-03',
        body: 'The delegations met in Ankara on Thursday to discuss a prisoner exchange.' },
    ]));
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  for (const q of ['Ankara', 'Анкара']) {
    it(`q=${q} finds both articles and marks the Ukrainian case`, async () => {
      const r = await search(server.baseUrl, { q });
      assert.equal(r.total, 2);
      const ua = r.results.find((result) => result.snippet.includes('Анкар'));
      assert.ok(ua, `no Ukrainian article among ${JSON.stringify(r.results)}`);
      assert.match(ua.snippet, /<mark>Анкарі<\/mark>/);
    });
  }
});

describe('a country only the gazetteer knows', () => {
  let server;
  let dir;
  before(async () => {
    ({ dir, server } = await serveArticles([
      { id: 'ua', title: 'Делегація в Бейруті', date: '2026-05-02',
        body: 'Українська делегація прибула до Лівану, а потім вирушила на переговори.' },
      { id: 'en', title: 'Grain ship sails', date: '2026-05-03',
        body: 'The ship, sailing under the flag of Sierra Leone, is bound for Lebanon.' },
      { id: 'tg', title: 'Посол в Африці', date: '2026-05-04',
        body: 'Того ж дня посол прибув до Того. Малі діти вітали делегацію.' },
    ]));
  });
  after(async () => {
    await server?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('counts it in the country facet, in either script', async () => {
    const r = await search(server.baseUrl, {});
    const lebanon = r.facets.country.find((v) => v.value === 'Lebanon');
    assert.equal(lebanon?.count, 2, JSON.stringify(r.facets.country));
    assert.ok(r.facets.country.some((v) => v.value === 'Sierra Leone'));
    assert.ok(!r.facets.person.some((v) => v.value === 'Sierra Leone'),
      JSON.stringify(r.facets.person));
    const filtered = await search(server.baseUrl, { country: 'Lebanon' });
    assert.equal(filtered.total, 2);
  });

  it('counts a Cyrillic name that is also a word only where it stands as a name', async () => {
    const r = await search(server.baseUrl, {});
    const togo = r.facets.country.find((v) => v.value === 'Togo');
    assert.equal(togo?.count, 1, JSON.stringify(r.facets.country));
    assert.ok(!r.facets.country.some((v) => v.value === 'Mali'), JSON.stringify(r.facets.country));
  });

  it('q=Lebanon finds the Ukrainian article and marks its case form', async () => {
    const r = await search(server.baseUrl, { q: 'Lebanon' });
    assert.equal(r.total, 2);
    const ua = r.results.find((result) => result.snippet.includes('Лівану'));
    assert.ok(ua, `no Ukrainian article among ${JSON.stringify(r.results)}`);
    assert.match(ua.snippet, /<mark>Лівану<\/mark>/);
  });
});
