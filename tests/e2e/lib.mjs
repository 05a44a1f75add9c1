// Small helpers shared by the end-to-end tests (not a test file itself).
import assert from 'node:assert/strict';
import { connect } from 'node:net';

export const ALL_IDS = [
  '000_bc86243e7a049964', '001_dc57182f9a93a534', '002_90cb00061bcb65f3',
  '003_f84507c056fc63c0', '004_1b57a905ea256f2b',
];
export const FACETS = ['city', 'region', 'country', 'person', 'negotiator', 'organisation', 'source'];

// GET a URL; returns {status, headers, body, json}. json is null when the body is not JSON.
export async function get(baseUrl, pathAndQuery, init = {}) {
  const response = await fetch(baseUrl + pathAndQuery, init);
  const body = await response.text();
  let json = null;
  try { json = JSON.parse(body); } catch { /* not JSON */ }
  return { status: response.status, headers: response.headers, body, json };
}

// Builds a query string from an object or an array of [key, value] pairs.
// A query string; an array value is the parameter repeated (city=Odesa&city=Kharkiv), as the
// browser sends several selected values.
export function qs(params) {
  const entries = Array.isArray(params) ? params : Object.entries(params).flatMap(
    ([key, value]) => (Array.isArray(value) ? value.map((v) => [key, v]) : [[key, value]]));
  return new URLSearchParams(entries).toString();
}

// GET /api/search and assert a 200; returns the parsed JSON.
export async function search(baseUrl, params) {
  const r = await get(baseUrl, `/api/search?${qs(params)}`);
  assert.equal(r.status, 200, `search ${JSON.stringify(params)}: ${r.body}`);
  return r.json;
}

export function idsOf(result) {
  return result.results.map((r) => r.id).sort();
}

export function assertError(r, status, code) {
  assert.equal(r.status, status, `expected ${status} ${code}, got ${r.status}: ${r.body}`);
  assert.ok(r.json && typeof r.json.error === 'object', `error body: ${r.body}`);
  assert.equal(r.json.error.code, code, r.body);
  assert.equal(typeof r.json.error.message, 'string');
  assert.ok(r.json.error.message.length > 0);
}

// Sends raw bytes on a fresh TCP connection and collects everything the server sends until it
// closes the connection or `timeoutMs` passes. Returns {data, closed, error}.
export function rawRequest(port, payload, { timeoutMs = 5000, endOnResponse = false } = {}) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    const chunks = [];
    let done = false;
    const finish = (closed, error = null) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ data: Buffer.concat(chunks).toString('latin1'), closed, error });
    };
    const timer = setTimeout(() => finish(false), timeoutMs);
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      if (endOnResponse && completeResponse(Buffer.concat(chunks).toString('latin1'))) finish(false);
    });
    socket.on('end', () => finish(true));
    socket.on('close', () => finish(true));
    socket.on('error', (error) => finish(true, error));
    socket.on('connect', () => {
      const parts = Array.isArray(payload) ? payload : [payload];
      for (const part of parts) socket.write(part);
    });
  });
}

// True when `text` holds at least one complete HTTP response with a Content-Length body.
export function completeResponse(text) {
  const headerEnd = text.indexOf('\r\n\r\n');
  if (headerEnd < 0) return false;
  const match = /\r\ncontent-length:\s*(\d+)/i.exec(text.slice(0, headerEnd));
  if (!match) return false;
  return text.length >= headerEnd + 4 + Number(match[1]);
}

export function statusOf(rawText) {
  const match = /^HTTP\/1\.[01] (\d{3})/.exec(rawText);
  return match ? Number(match[1]) : null;
}

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
