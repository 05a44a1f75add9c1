// Every error code of docs/api.md that an ordinary HTTP client can provoke: status, code and the
// {"error": {"code", "message"}} body. No request may ever get a 5xx.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { startServer } from '../support/harness.mjs';
import { get as rawGet, assertError, rawRequest, statusOf } from './lib.mjs';

describe('error responses', () => {
  let server;
  let base;
  const statuses = [];
  const get = async (path, init) => {
    const r = await rawGet(base, path, init);
    statuses.push([path, r.status]);
    return r;
  };
  before(async () => {
    server = await startServer();
    base = server.baseUrl;
  });
  after(async () => { await server?.stop(); });

  it('invalid_query: a query that cannot be parsed', async () => {
    const r = await get('/api/search?q=AND%20peace');
    assertError(r, 400, 'invalid_query');
    assert.match(r.headers.get('content-type') ?? '', /^application\/json/);
  });

  it('an unknown field: is searched as text, not an error', async () => {
    const r = await get('/api/search?q=colour%3Ablue');
    assert.equal(r.status, 200, r.body);
  });

  it('query_too_long: over 1000 bytes, nested deeper than 32 parentheses, or over 8 wildcards', async () => {
    assertError(await get(`/api/search?q=${'a'.repeat(2000)}`), 400, 'query_too_long');
    // 1001 bytes of UTF-8 in fewer characters.
    assertError(await get(`/api/search?q=${encodeURIComponent('é'.repeat(501))}`), 400, 'query_too_long');
    assertError(await get(`/api/search?q=${encodeURIComponent('a* b* c* d* e* f* g* h* i*')}`), 400, 'query_too_long');
    const nested = `${'('.repeat(40)}peace${')'.repeat(40)}`;
    assertError(await get(`/api/search?q=${encodeURIComponent(nested)}`), 400, 'query_too_long');
    // At the limits: fine.
    const ok = await get(`/api/search?q=${'a'.repeat(1000)}`);
    assert.equal(ok.status, 200, ok.body);
    const shallow = `${'('.repeat(32)}peace${')'.repeat(32)}`;
    const shallowResponse = await get(`/api/search?q=${encodeURIComponent(shallow)}`);
    assert.equal(shallowResponse.status, 200, shallowResponse.body);
  });

  it('unknown_parameter: unknown parameters and facets', async () => {
    assertError(await get('/api/search?foo=1'), 400, 'unknown_parameter');
    assertError(await get('/api/search?q=peace&colour=red'), 400, 'unknown_parameter');
    assertError(await get('/api/search?cities=Odesa'), 400, 'unknown_parameter');
    const synonym = await get('/api/search?organization=NATO');
    assert.equal(synonym.status, 200, 'organization is a synonym of organisation');
    assert.deepEqual(synonym.json.filters, { organisation: ['NATO'] });
  });

  it('invalid_date: not a date, or from after to', async () => {
    const r = await get('/api/search?from=2025-13-01');
    assertError(r, 400, 'invalid_date');
    assert.match(r.json.error.message, /2025-13-01/);
    assertError(await get('/api/search?to=someday'), 400, 'invalid_date');
    assertError(await get('/api/search?from=2025-03-01&to=2025-01-01'), 400, 'invalid_date');
  });

  it('invalid_parameter: a timeout outside 1 to 2000 ms', async () => {
    for (const query of ['timeout=0', 'timeout=2001', 'timeout=fast', 'timeout=-5']) {
      assertError(await get(`/api/search?q=peace&${query}`), 400, 'invalid_parameter');
    }
    const ok = await get('/api/search?q=peace&timeout=1500');
    assert.equal(ok.status, 200, ok.body);
    assert.equal(ok.json.facets_exact, true);
  });

  it('invalid_sort', async () => {
    assertError(await get('/api/search?sort=popular'), 400, 'invalid_sort');
    assertError(await get('/api/search?sort=NEWEST'), 400, 'invalid_sort');
  });

  it('invalid_page: page=0, per_page=101, page=abc, per_page=0, negative, fractional', async () => {
    for (const query of ['page=0', 'per_page=101', 'page=abc', 'per_page=0', 'page=-1', 'page=1.5',
      'per_page=abc', 'page=99999999999999999999']) {
      assertError(await get(`/api/search?${query}`), 400, 'invalid_page');
    }
  });

  it('page_out_of_range: (page-1)*per_page >= 10000', async () => {
    assertError(await get('/api/search?page=2000&per_page=10'), 400, 'page_out_of_range');
    assertError(await get('/api/search?page=1001&per_page=10'), 400, 'page_out_of_range');
    assertError(await get('/api/search?page=101&per_page=100'), 400, 'page_out_of_range');
    const last = await get('/api/search?page=1000&per_page=10');
    assert.equal(last.status, 200);
    assert.deepEqual(last.json.results, []);
  });

  it('invalid_encoding: bad percent-encoding, or not UTF-8', async () => {
    // fetch would re-encode '%zz', so send these on a raw socket.
    for (const target of ['/api/search?q=%zz', '/api/search?q=%ff', '/api/search?q=caf%C3', '/api/suggest?q=%fe%ff']) {
      const raw = await rawRequest(server.port,
        `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`);
      assert.equal(statusOf(raw.data), 400, `${target}: ${raw.data}`);
      const body = JSON.parse(raw.data.slice(raw.data.indexOf('\r\n\r\n') + 4));
      assert.equal(body.error.code, 'invalid_encoding', target);
      assert.equal(typeof body.error.message, 'string');
    }
  });

  it('not_found: unknown article, unknown endpoint, missing static file', async () => {
    assertError(await get('/api/doc/999_0000000000000000'), 404, 'not_found');
    assertError(await get('/api/doc/'), 404, 'not_found');
    assertError(await get('/api/x'), 404, 'not_found');
    assertError(await get('/api/searchx?q=a'), 404, 'not_found');
    assertError(await get('/no-such-file.js'), 404, 'not_found');
    assertError(await get('/no/such/dir/file.css'), 404, 'not_found');
  });

  it('method_not_allowed: anything but GET or HEAD, with an Allow header', async () => {
    for (const [method, path] of [['POST', '/api/search'], ['PUT', '/api/search?q=a'], ['DELETE', '/api/doc/004_1b57a905ea256f2b'],
      ['POST', '/'], ['PATCH', '/healthz']]) {
      const r = await get(path, { method, body: method === 'DELETE' ? undefined : '{}' });
      assertError(r, 405, 'method_not_allowed');
      const allow = r.headers.get('allow');
      assert.ok(allow, `${method} ${path} has no Allow header`);
      assert.match(allow, /GET/);
      assert.match(allow, /HEAD/);
    }
    const head = await get('/api/search?q=Geneva', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(head.body, '');
  });

  it('no request got a 5xx', () => {
    assert.ok(statuses.length > 30);
    const bad = statuses.filter(([, status]) => status >= 500);
    assert.deepEqual(bad, []);
  });
});
