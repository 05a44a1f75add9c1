// The view state and its round trip through the URL query string. Parameter names are the
// API's (docs/api.md), plus `doc` for the open article.

// The facets, in the order the server lists them, with their labels and accepted aliases: set once
// from GET /api/facets before anything is parsed or rendered, so the UI names no facet itself.
export let FACETS = [];
export let FACET_LABELS = {};
let facetAliases = new Map();  // accepted spelling -> facet name

export function setFacets(list) {
  FACETS = list.map((f) => f.name);
  FACET_LABELS = Object.fromEntries(list.map((f, i) =>
    [f.name, { one: f.singular, many: f.label, colour: String(i % FACET_COLOURS) }]));
  facetAliases = new Map(list.flatMap((f) => (f.aliases || []).map((alias) => [alias, f.name])));
}

// The stylesheet has this many facet colours (--c-0 …), chosen by the data-colour attribute.
const FACET_COLOURS = 8;

export function facetColour(facet) {
  return FACET_LABELS[facet]?.colour ?? null;
}

export const SORTS = ['relevance', 'newest', 'oldest'];
export const PER_PAGE = 10;
export const MAX_PAGE = Math.floor((10000 - 1) / PER_PAGE) + 1;

export function emptyState() {
  const filters = {};
  for (const facet of FACETS) filters[facet] = [];
  // asTyped: search the query exactly as typed, never its spelling correction (correct=false).
  return { q: '', filters, from: '', to: '', sort: '', page: 1, doc: '', asTyped: false };
}

export function cloneState(state) {
  const filters = {};
  for (const facet of FACETS) filters[facet] = [...state.filters[facet]];
  return { ...state, filters };
}

export function parseState(search) {
  const params = new URLSearchParams(search);
  const state = emptyState();
  state.q = params.get('q') ?? '';
  for (const facet of FACETS) {
    const values = params.getAll(facet);
    for (const [alias, name] of facetAliases) if (name === facet) values.push(...params.getAll(alias));
    state.filters[facet] = [...new Set(values.filter((v) => v !== ''))];
  }
  state.from = params.get('from') ?? '';
  state.to = params.get('to') ?? '';
  const sort = params.get('sort') ?? '';
  state.sort = SORTS.includes(sort) ? sort : '';
  const page = Number.parseInt(params.get('page') ?? '1', 10);
  state.page = Number.isFinite(page) && page >= 1 ? Math.min(page, MAX_PAGE) : 1;
  state.doc = params.get('doc') ?? '';
  state.asTyped = params.get('correct') === 'false';
  return state;
}

// The search part of the state as API parameters (no `doc`).
export function searchParams(state) {
  const params = new URLSearchParams();
  if (state.q) params.set('q', state.q);
  for (const facet of FACETS) {
    for (const value of state.filters[facet]) params.append(facet, value);
  }
  if (state.from) params.set('from', state.from);
  if (state.to) params.set('to', state.to);
  if (state.sort) params.set('sort', state.sort);
  if (state.page > 1) params.set('page', String(state.page));
  if (state.asTyped) params.set('correct', 'false');
  return params;
}

export function stateToQuery(state) {
  const params = searchParams(state);
  if (state.doc) params.set('doc', state.doc);
  const text = params.toString();
  return text ? `?${text}` : '';
}

export function stateToHref(state) {
  return `${location.pathname}${stateToQuery(state)}`;
}

export function hasFilters(state) {
  return FACETS.some((f) => state.filters[f].length > 0) || Boolean(state.from || state.to);
}

export function filterCount(state) {
  let n = FACETS.reduce((sum, f) => sum + state.filters[f].length, 0);
  if (state.from || state.to) n += 1;
  return n;
}

// State transformations used by the UI; each returns a new state back on page 1.
export function withFilter(state, facet, value, on = true) {
  const next = cloneState(state);
  const values = next.filters[facet];
  const index = values.indexOf(value);
  if (on && index < 0) values.push(value);
  if (!on && index >= 0) values.splice(index, 1);
  next.page = 1;
  next.doc = '';
  return next;
}

export function withoutFilters(state) {
  const next = cloneState(state);
  for (const facet of FACETS) next.filters[facet] = [];
  next.from = '';
  next.to = '';
  next.page = 1;
  next.doc = '';
  return next;
}

export function withDates(state, from, to) {
  const next = cloneState(state);
  next.from = from || '';
  next.to = to || '';
  next.page = 1;
  next.doc = '';
  return next;
}

// A new query may be corrected again; withQueryAsTyped is the "search instead for" of a
// corrected search.
export function withQuery(state, q, asTyped = false) {
  const next = cloneState(state);
  next.q = q;
  next.page = 1;
  next.doc = '';
  next.asTyped = asTyped;
  return next;
}

export function withQueryAsTyped(state, q) {
  return withQuery(state, q, true);
}
