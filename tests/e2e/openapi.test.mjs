// The API contract: real responses of the real searchd, of every endpoint and of its errors, are
// validated against the OpenAPI 3.1 description that searchd serves at /api/openapi.json.
import { describe, it, before, after } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import { startServer } from '../support/harness.mjs';
import { ALL_IDS, FACETS, get, qs } from './lib.mjs';

const COMPONENTS = 'urn:talksearch:openapi';

// Compiles a validator for one operation's response schema, with the description's components.
function validatorFor(ajv, spec, path, status) {
  const operation = spec.paths[path]?.get;
  assert.ok(operation, `no GET ${path} in the description`);
  let response = operation.responses[String(status)];
  assert.ok(response, `GET ${path} does not document status ${status}`);
  if (response.$ref) response = spec.components.responses[response.$ref.split('/').pop()];
  const id = `urn:talksearch:${operation.operationId}:${status}`;
  const known = ajv.getSchema(id);
  if (known) return known;
  return ajv.compile({ ...Object.values(response.content)[0].schema, $id: id });
}

describe('the OpenAPI description matches what searchd answers', () => {
  let server;
  let base;
  let spec;
  let ajv;
  before(async () => {
    server = await startServer();
    base = server.baseUrl;
    const r = await get(base, '/api/openapi.json');
    assert.equal(r.status, 200, r.body);
    spec = r.json;
    ajv = new Ajv2020({ strict: false, allErrors: true });
    // The components, under an absolute id, so that every compiled response schema reaches them.
    const rewrite = (value) => {
      if (Array.isArray(value)) return value.map(rewrite);
      if (value && typeof value === 'object') {
        return Object.fromEntries(Object.entries(value).map(([k, v]) =>
          [k, k === '$ref' && v.startsWith('#/components/') ? `${COMPONENTS}${v}` : rewrite(v)]));
      }
      return value;
    };
    ajv.addSchema({ $id: COMPONENTS, components: rewrite(spec.components) });
    spec = { ...spec, paths: rewrite(spec.paths), components: rewrite(spec.components) };
  });
  after(async () => { await server?.stop(); });

  const check = async (pathAndQuery, path, status) => {
    const r = await get(base, pathAndQuery);
    assert.equal(r.status, status, `${pathAndQuery}: ${r.body}`);
    const validate = validatorFor(ajv, spec, path, status);
    assert.ok(validate(r.json), `${pathAndQuery}: ${ajv.errorsText(validate.errors)}\n${r.body.slice(0, 500)}`);
    return r.json;
  };

  it('is OpenAPI 3.1 and lists the facets of the schema', async () => {
    assert.equal(spec.openapi, '3.1.0');
    assert.deepEqual([...spec.components.schemas.FacetName.enum].sort(), [...FACETS].sort());
    const params = spec.paths['/api/search'].get.parameters.map((p) => p.$ref.split('/').pop());
    for (const facet of FACETS) assert.ok(params.includes(facet), `${facet} is a search parameter`);
  });

  it('search responses', async () => {
    await check('/api/search?q=Geneva', '/api/search', 200);
    await check('/api/search', '/api/search', 200);
    await check(`/api/search?${qs([['q', 'talks'], ['city', 'Istanbul'], ['organization', 'NATO'], ['from', '2025'], ['sort', 'oldest'], ['per_page', '2'], ['page', '2']])}`, '/api/search', 200);
    await check('/api/search?q=peace+NOT+war&sort=newest', '/api/search', 200);
    const corrected = await check('/api/search?q=Zelenksy', '/api/search', 200);
    assert.equal(corrected.showing_corrected, true);
    await check('/api/search?q=Zelenksy&correct=false', '/api/search', 200);
  });

  it('article, suggestions, facets, health and the description itself', async () => {
    for (const id of ALL_IDS) await check(`/api/doc/${id}?q=talks`, '/api/doc/{id}', 200);
    for (const id of ALL_IDS) {
      const related = await check(`/api/related/${id}`, '/api/related/{id}', 200);
      assert.ok(related.results.length > 0 && related.results.every((hit) => hit.id !== id));
    }
    await check('/api/suggest?q=talks+od', '/api/suggest', 200);
    const facets = await check('/api/facets', '/api/facets', 200);
    assert.deepEqual(facets.facets.map((f) => f.name).sort(), [...FACETS].sort());
    await check('/healthz', '/healthz', 200);
    await check('/api/openapi.json', '/api/openapi.json', 200);
  });

  it('errors', async () => {
    const cases = [
      ['/api/search?colour=red', '/api/search', 400],
      ['/api/search?from=2025-13-01', '/api/search', 400],
      ['/api/search?sort=best', '/api/search', 400],
      ['/api/search?correct=maybe', '/api/search', 400],
      ['/api/search?per_page=0', '/api/search', 400],
      ['/api/search?page=2000&per_page=10', '/api/search', 400],
      ['/api/search?q=%FF', '/api/search', 400],
      ['/api/doc/no-such-article', '/api/doc/{id}', 404],
      ['/api/doc/x?page=2', '/api/doc/{id}', 400],
      ['/api/related/no-such-article', '/api/related/{id}', 404],
      ['/api/suggest?limit=3', '/api/suggest', 400],
      ['/api/facets?x=1', '/api/facets', 400],
    ];
    for (const [url, path, status] of cases) {
      const body = await check(url, path, status);
      assert.ok(spec.components.schemas.ErrorCode.enum.includes(body.error.code), body.error.code);
    }
  });
});
