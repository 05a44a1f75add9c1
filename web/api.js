// Thin client for the JSON API (docs/api.md). Every call can be cancelled with an AbortSignal;
// errors become ApiError carrying the server's readable message.

import { PER_PAGE, searchParams } from './state.js';

export class ApiError extends Error {
  constructor(message, code = 'internal', status = 0) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.status = status;
  }
}

export function isAbort(error) {
  return error?.name === 'AbortError';
}

async function getJson(url, signal) {
  let response;
  try {
    response = await fetch(url, { signal, headers: { Accept: 'application/json' } });
  } catch (error) {
    if (isAbort(error)) throw error;
    throw new ApiError('Could not reach the search server. Check your connection and try again.', 'network');
  }
  let body = null;
  try {
    body = await response.json();
  } catch (error) {
    if (isAbort(error)) throw error;
  }
  if (!response.ok) {
    const err = body && body.error;
    throw new ApiError(err?.message || `The server answered ${response.status} ${response.statusText}.`,
      err?.code || 'http', response.status);
  }
  if (body === null) throw new ApiError('The server sent an answer that is not JSON.', 'bad_response', response.status);
  return body;
}

export function search(state, signal) {
  const params = searchParams(state);
  params.set('per_page', String(PER_PAGE));
  return getJson(`/api/search?${params}`, signal);
}

export function getDoc(id, q, signal) {
  const query = q ? `?${new URLSearchParams({ q })}` : '';
  return getJson(`/api/doc/${encodeURIComponent(id)}${query}`, signal);
}

export function related(id, signal) {
  return getJson(`/api/related/${encodeURIComponent(id)}`, signal);
}

export function suggest(q, signal) {
  return getJson(`/api/suggest?${new URLSearchParams({ q })}`, signal);
}

export function facets(signal) {
  return getJson('/api/facets', signal);
}
