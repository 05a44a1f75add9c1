// talksearch browser UI. The whole view state lives in the URL (see state.js); every user action
// pushes a new history entry and re-renders, and Back / Forward re-render from the URL.

import * as api from './api.js';
import { h, clear, markedFragment, safeExternalUrl, hostOf } from './dom.js';
import {
  FACETS, FACET_LABELS, PER_PAGE, MAX_PAGE, setFacets, facetColour,
  parseState, stateToHref, stateToQuery, searchParams, cloneState,
  filterCount, withFilter, withoutFilters, withDates, withQuery, withQueryAsTyped,
} from './state.js';
import { createChart, normaliseFrom, normaliseTo, monthLabel } from './chart.js';
import { renderTitle, renderBody, groupEntities } from './article.js';
import { setupSuggest } from './suggest.js';

const FACET_VISIBLE = 6;

const $ = (id) => document.getElementById(id);
const el = {
  form: $('search-form'),
  input: $('q'),
  suggestions: $('suggestions'),
  sidebar: $('sidebar'),
  sidebarClear: $('sidebar-clear'),
  sidebarClose: $('sidebar-close'),
  chart: $('chart'),
  undated: $('undated-note'),
  from: $('date-from'),
  to: $('date-to'),
  dateClear: $('date-clear'),
  facets: $('facets'),
  resultsView: $('results-view'),
  heading: $('results-heading'),
  status: $('status'),
  filtersToggle: $('filters-toggle'),
  filtersCount: $('filters-count'),
  active: $('active-filters'),
  sort: $('sort'),
  didYouMean: $('did-you-mean'),
  partial: $('partial'),
  error: $('error'),
  results: $('results'),
  empty: $('empty'),
  pagination: $('pagination'),
  articleView: $('article-view'),
};

// The facets come from the server: nothing is parsed or rendered before they are known.
try {
  setFacets((await api.facets()).facets);
} catch (error) {
  renderStartError(error);
}
let state = parseState(location.search);
const expanded = new Set();
let searchController = null;
let docController = null;
let lastSearch = { key: null, data: null };
// Where the reader was in the results they left for an article, to come back to it.
let resultsScroll = { key: null, y: 0 };

const numberFormat = new Intl.NumberFormat('en');
const dateFormat = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: 'UTC' });

function plural(n, one, many = `${one}s`) {
  return `${numberFormat.format(n)} ${n === 1 ? one : many}`;
}

// A day as "3 Mar 2025"; null for no such day ("2025-02-30" would roll over to 2 March).
function formattedDay(value) {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value || '');
  if (!m) return null;
  const date = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  if (date.toISOString().slice(0, 10) !== value) return null;
  return dateFormat.format(date);
}

function formatDate(value) {
  return formattedDay(value) ?? (value || '');
}

// A bound that names no day is shown as typed ("2025-13", not "2025-13-01"), as the error names it.
function formatRange(from, to) {
  const a = from ? formattedDay(normaliseFrom(from)) ?? from : '';
  const b = to ? formattedDay(normaliseTo(to)) ?? to : '';
  if (a && b) return `${a} – ${b}`;
  if (a) return `from ${a}`;
  return `until ${b}`;
}

function facetLabel(facet) {
  return FACET_LABELS[facet]?.one || facet;
}

// ---------------------------------------------------------------------------------------------
// Navigation

function rememberResultsScroll() {
  if (!state.doc) resultsScroll = { key: searchKey(state), y: window.scrollY };
}

function navigate(next, { replace = false } = {}) {
  rememberResultsScroll();
  state = next;
  const url = stateToHref(state) || location.pathname;
  if (replace) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  render();
}

function navLink(next, attrs, ...children) {
  return h('a', { href: stateToHref(next), 'data-nav': '', ...attrs }, ...children);
}

document.addEventListener('click', (event) => {
  if (event.defaultPrevented || event.button !== 0) return;
  if (event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  const link = event.target.closest('a[data-nav]');
  if (!link) return;
  const url = new URL(link.href);
  if (url.origin !== location.origin) return;
  event.preventDefault();
  const next = parseState(url.search);
  const scrollTop = link.dataset.scroll === 'top';
  navigate(next);
  if (scrollTop) window.scrollTo({ top: 0 });
});

window.addEventListener('popstate', () => {
  rememberResultsScroll();
  state = parseState(location.search);
  render();
});

// ---------------------------------------------------------------------------------------------
// Rendering

function render() {
  el.input.value = state.q;
  document.body.classList.toggle('reading', Boolean(state.doc));
  if (state.doc) {
    el.resultsView.hidden = true;
    el.articleView.hidden = false;
    renderDoc();
  } else {
    if (docController) docController.abort();
    el.articleView.hidden = true;
    el.resultsView.hidden = false;
    clear(el.articleView);
    runSearch();
  }
}

function searchKey(s) {
  return searchParams(s).toString();
}

async function runSearch() {
  const key = searchKey(state);
  renderControls();
  if (lastSearch.key === key && lastSearch.data) {
    renderSearch(lastSearch.data);
    // Back from an article to the results it was opened from: where the reader left them.
    if (resultsScroll.key === key) window.scrollTo({ top: resultsScroll.y });
    resultsScroll = { key: null, y: 0 };
    return;
  }
  if (searchController) searchController.abort();
  searchController = new AbortController();
  const { signal } = searchController;
  el.resultsView.classList.add('is-loading');
  el.results.setAttribute('aria-busy', 'true');
  try {
    const data = await api.search(state, signal);
    if (signal.aborted) return;
    adoptSpelling(data.filters);
    lastSearch = { key: searchKey(state), data };
    renderSearch(data);
  } catch (error) {
    if (api.isAbort(error)) return;
    renderSearchError(error);
  } finally {
    if (!signal.aborted) {
      el.resultsView.classList.remove('is-loading');
      el.results.removeAttribute('aria-busy');
    }
  }
}

// The filters as the server spells them (city=Odessa is Odesa, source=REUTERS the articles'
// Reuters) replace those of the URL, in place: the boxes, chips and links then name one value.
function adoptSpelling(filters) {
  if (!filters || typeof filters !== 'object') return;
  const next = cloneState(state);
  let changed = false;
  for (const facet of FACETS) {
    const spelled = Array.isArray(filters[facet]) ? filters[facet].map(String) : [];
    if (!state.filters[facet].length || !spelled.length) continue;
    if (spelled.join('\u0000') === state.filters[facet].join('\u0000')) continue;
    next.filters[facet] = spelled;
    changed = true;
  }
  if (!changed) return;
  state = next;
  history.replaceState(null, '', stateToHref(state) || location.pathname);
  renderControls();
}

// Controls whose value comes from the state alone.
function renderControls() {
  el.from.value = normaliseFrom(state.from);
  el.to.value = normaliseTo(state.to);
  el.dateClear.hidden = !(state.from || state.to);
  // From the URL, so that it is right when the search fails too; the answer's sort replaces it.
  el.sort.value = state.sort || (state.q ? 'relevance' : 'newest');
  const count = filterCount(state);
  el.filtersCount.hidden = count === 0;
  el.filtersCount.textContent = count ? String(count) : '';
  el.sidebarClear.hidden = count === 0;
  el.heading.textContent = state.q ? `Results for “${state.q}”` : 'Latest articles';
  document.title = state.q ? `${state.q} – talksearch` : 'talksearch';
  renderActiveFilters();
}

// Without the facet list the page still searches, only without filters; say why.
function renderStartError(error) {
  el.error.hidden = false;
  clear(el.error).append(
    h('strong', {}, 'Filters are unavailable. '),
    h('span', { class: 'error-message' }, error.message),
  );
}

function renderSearchError(error) {
  el.error.hidden = false;
  clear(el.error).append(
    h('strong', {}, 'The search could not be run. '),
    h('span', { class: 'error-message' }, error.message),
  );
  clear(el.results);
  el.empty.hidden = true;
  el.pagination.hidden = true;
  el.didYouMean.hidden = true;
  el.partial.hidden = true;
  el.status.textContent = 'Search failed.';
  // The counts and the chart were the last search's: not this one's, and no filter to offer.
  // Selected values stay listed, so that a selection can be undone.
  renderFacets({});
  chart.render([], state.from, state.to, { one: countedUnit(1), many: countedUnit(2) });
  renderUndated(0, false);
}

function renderSearch(data) {
  el.error.hidden = true;
  clear(el.error);
  el.sort.value = state.sort || data.sort || (state.q ? 'relevance' : 'newest');

  const total = Number(data.total) || 0;
  const took = typeof data.took_ms === 'number'
    ? ` in ${data.took_ms < 10 ? data.took_ms.toFixed(1) : Math.round(data.took_ms)} ms` : '';
  const results = Array.isArray(data.results) ? data.results : [];
  const first = (state.page - 1) * PER_PAGE + 1;
  const range = results.length && total > results.length
    ? ` · showing ${numberFormat.format(first)}–${numberFormat.format(first + results.length - 1)}` : '';
  el.sidebarClose.textContent = total ? `Show ${plural(total, 'result')}` : 'Show results';
  // Results are collapsed: the total counts stories, each shown once with its copies.
  el.status.textContent = `${plural(total, 'story', 'stories')}${data.total_exact === false ? ' (about)' : ''}${took}${range}`;

  renderCorrection(data.corrected, data.showing_corrected === true);
  renderPartial(data.shards, data.facets_exact !== false);
  renderResults(results);
  renderEmpty(total, results.length);
  renderPagination(total);
  renderFacets(data.facets || {});
  chart.render(data.histogram, state.from, state.to, { one: countedUnit(1), many: countedUnit(2) });
  renderUndated(Number(data.undated) || 0, (data.histogram || []).length > 0);
}

// The query as typed matched nothing and the results are its correction's: say so, with one
// click back to the query as typed. Otherwise a correction is only offered: "did you mean".
function renderCorrection(corrected, showingCorrected) {
  clear(el.didYouMean);
  if (!corrected || corrected === state.q) {
    el.didYouMean.hidden = true;
    return;
  }
  el.didYouMean.hidden = false;
  if (showingCorrected) {
    el.didYouMean.append('Showing results for ', h('strong', { class: 'corrected' }, corrected),
      '. Search instead for ', navLink(withQueryAsTyped(state, state.q), { class: 'as-typed' }, state.q), '.');
    return;
  }
  el.didYouMean.append('Did you mean ',
    navLink(withQuery(state, corrected), { class: 'corrected' }, corrected), '?');
}

// Some shards of the index did not answer: the results and counts are the others' only. Or the
// search took too long to count every match: the counts are short.
function renderPartial(shards, countsExact) {
  const failed = Number(shards?.failed) || 0;
  const notes = [];
  if (failed > 0) {
    notes.push(`Part of the archive is not answering: these results come from ${shards.total - failed} `
      + `of its ${shards.total} parts, and the counts leave the others out.`);
  }
  if (!countsExact) {
    notes.push('This search took too long to count every match: the counts beside the filters '
      + 'and in the chart leave some articles out.');
  }
  el.partial.hidden = notes.length === 0;
  el.partial.textContent = notes.join(' ');
}

const CHIPS_SHOWN = 8;

// The article's entities as filter buttons: selected ones first, then a few from each facet in
// turn, each name once (a negotiator is also a person).
function entityChips(entities) {
  const seen = new Set();
  const chips = [];
  const add = (facet, value) => {
    if (seen.has(value)) return;
    seen.add(value);
    chips.push({ facet, value });
  };
  for (const facet of FACETS) {
    for (const value of entities?.[facet] || []) if (state.filters[facet].includes(value)) add(facet, value);
  }
  const queues = FACETS.map((facet) => (entities?.[facet] || []).map((value) => ({ facet, value })));
  while (queues.some((q) => q.length)) {
    for (const queue of queues) {
      const next = queue.shift();
      if (next) add(next.facet, next.value);
    }
  }
  if (!chips.length) return null;
  const list = h('ul', { class: 'chips', 'aria-label': 'People, places and organisations in this article' });
  chips.forEach(({ facet, value }, i) => {
    const selected = state.filters[facet].includes(value);
    list.append(h('li', { class: i >= CHIPS_SHOWN ? 'chip-extra' : null, hidden: i >= CHIPS_SHOWN },
      h('button', {
        type: 'button',
        class: 'chip',
        'aria-pressed': selected ? 'true' : 'false',
        title: `${selected ? 'Remove filter' : 'Filter by'} ${facetLabel(facet)}: ${value}`,
        dataset: { facet, value, colour: facetColour(facet) },
      }, h('span', { class: 'chip-dot', 'aria-hidden': 'true' }), value,
      h('span', { class: 'visually-hidden' }, ` (${facetLabel(facet)})`))));
  });
  if (chips.length > CHIPS_SHOWN) {
    list.append(h('li', { class: 'chip-more' },
      h('button', { type: 'button', class: 'link-button chip-more-button', 'aria-expanded': 'false' },
        `+${chips.length - CHIPS_SHOWN} more`)));
  }
  return list;
}

function metaLine(item) {
  const parts = [];
  if (item.date) parts.push(h('time', { datetime: item.date }, formatDate(item.date)));
  else parts.push(h('span', { class: 'undated' }, 'Undated'));
  if (item.author) parts.push(h('span', { class: 'author' }, `By ${item.author}`));
  if (item.source) parts.push(h('span', { class: 'source' }, item.source));
  const url = safeExternalUrl(item.url);
  if (url) {
    parts.push(h('a', { class: 'external', href: url, target: '_blank', rel: 'noopener noreferrer' },
      hostOf(url) || 'Original', h('span', { 'aria-hidden': 'true' }, ' ↗'),
      h('span', { class: 'visually-hidden' }, ' (original article, opens in a new tab)')));
  }
  const line = h('p', { class: 'meta' });
  parts.forEach((part, i) => {
    if (i) line.append(h('span', { class: 'sep', 'aria-hidden': 'true' }, '·'));
    line.append(part);
  });
  return line;
}

function renderResults(results) {
  clear(el.results);
  for (const item of results) {
    const docState = cloneState(state);
    docState.doc = item.id;
    const title = item.title_html ? markedFragment(item.title_html) : (item.title || 'Untitled article');
    el.results.append(h('li', { class: 'result', dataset: { id: item.id } },
      h('h3', { class: 'result-title' }, navLink(docState, { dataset: { scroll: 'top' } }, title)),
      metaLine(item),
      item.snippet ? h('p', { class: 'snippet' }, markedFragment(item.snippet)) : null,
      entityChips(item.entities),
      copiesToggle(item)));
  }
}

// "+2 copies" under a result whose story ran elsewhere too: opens the list of the other copies,
// fetched when first opened, each with its source and date and opening in the article view.
function copiesToggle(item) {
  const copies = Array.isArray(item.duplicates) ? item.duplicates : [];
  if (!copies.length) return null;
  const label = `+${copies.length} ${copies.length === 1 ? 'copy' : 'copies'}`;
  const list = h('ul', { class: 'copies-list', id: `copies-${cssSafe(item.id)}`, hidden: true });
  const button = h('button', {
    type: 'button', class: 'link-button copies-button', 'aria-expanded': 'false', 'aria-controls': list.id,
    title: 'The same story published elsewhere', dataset: { copies: JSON.stringify(copies), label },
  }, label);
  return h('div', { class: 'copies' }, button, list);
}

function cssSafe(id) {
  return id.replace(/[^A-Za-z0-9_-]/g, (ch) => `_${ch.codePointAt(0).toString(16)}`);
}

async function toggleCopies(button) {
  const list = button.parentElement.querySelector('.copies-list');
  const open = button.getAttribute('aria-expanded') !== 'true';
  button.setAttribute('aria-expanded', open ? 'true' : 'false');
  button.textContent = open ? 'Hide copies' : button.dataset.label;
  list.hidden = !open;
  if (!open || list.dataset.loaded) return;
  list.dataset.loaded = 'true';
  list.append(h('li', { class: 'loading' }, 'Loading copies…'));
  const ids = JSON.parse(button.dataset.copies);
  const docs = await Promise.all(ids.map((id) => api.getDoc(id, '').catch(() => ({ id, missing: true }))));
  clear(list);
  for (const doc of docs) {
    const next = cloneState(state);
    next.doc = doc.id;
    list.append(h('li', { class: 'copy', dataset: { id: doc.id } },
      doc.missing
        ? h('span', { class: 'muted' }, `${doc.id} (no longer in the index)`)
        : navLink(next, { dataset: { scroll: 'top' } }, doc.title || 'Untitled article'),
      doc.missing ? null : metaLine(doc)));
  }
}

el.results.addEventListener('click', (event) => {
  const copies = event.target.closest('button.copies-button');
  if (copies) {
    toggleCopies(copies);
    return;
  }
  const more = event.target.closest('button.chip-more-button');
  if (more) {
    const list = more.closest('ul');
    const open = more.getAttribute('aria-expanded') !== 'true';
    list.querySelectorAll('.chip-extra').forEach((li) => { li.hidden = !open; });
    more.setAttribute('aria-expanded', open ? 'true' : 'false');
    more.textContent = open ? 'fewer' : `+${list.querySelectorAll('.chip-extra').length} more`;
    return;
  }
  const chip = event.target.closest('button.chip');
  if (!chip) return;
  const { facet, value } = chip.dataset;
  navigate(withFilter(state, facet, value, !state.filters[facet].includes(value)));
});

function activeFilterList() {
  const list = [];
  for (const facet of FACETS) {
    for (const value of state.filters[facet]) {
      list.push({ label: `${facetLabel(facet)}: ${value}`, next: () => withFilter(state, facet, value, false) });
    }
  }
  if (state.from || state.to) {
    list.push({ label: `Date: ${formatRange(state.from, state.to)}`, next: () => withDates(state, '', '') });
  }
  return list;
}

function renderActiveFilters() {
  clear(el.active);
  const list = activeFilterList();
  el.active.hidden = list.length === 0;
  for (const item of list) {
    el.active.append(h('button', {
      type: 'button',
      class: 'filter-chip',
      'aria-label': `Remove filter ${item.label}`,
      onclick: () => navigate(item.next()),
    }, h('span', {}, item.label), h('span', { class: 'filter-chip-x', 'aria-hidden': 'true' }, '×')));
  }
  if (list.length > 1) {
    el.active.append(h('button', {
      type: 'button', class: 'link-button clear-all', onclick: () => navigate(withoutFilters(state)),
    }, 'Clear all'));
  }
}

function renderEmpty(total, shown) {
  clear(el.empty);
  if (shown > 0) {
    el.empty.hidden = true;
    return;
  }
  el.empty.hidden = false;
  const actions = h('div', { class: 'empty-actions' });
  if (total > 0) {
    el.empty.append(h('h3', {}, 'No more results'),
      h('p', {}, `This page is past the last result (${plural(total, 'story', 'stories')} in all).`));
    const firstPage = cloneState(state);
    firstPage.page = 1;
    actions.append(h('button', { type: 'button', class: 'button', onclick: () => navigate(firstPage) }, 'Go to the first page'));
    el.empty.append(actions);
    return;
  }
  el.empty.append(h('h3', {}, 'No articles match'));
  const filters = activeFilterList();
  const what = state.q ? ['Nothing matches ', h('q', {}, state.q)] : ['Nothing matches'];
  el.empty.append(h('p', {}, ...what, filters.length ? ' with these filters. Try removing one:' : '.'));
  for (const item of filters) {
    actions.append(h('button', { type: 'button', class: 'button', onclick: () => navigate(item.next()) },
      `Remove ${item.label}`));
  }
  if (filters.length > 1) {
    actions.append(h('button', { type: 'button', class: 'button', onclick: () => navigate(withoutFilters(state)) },
      'Remove all filters'));
  }
  if (state.q && filters.length) {
    const next = withQuery(state, '');
    actions.append(h('button', { type: 'button', class: 'button button-quiet', onclick: () => navigate(next) },
      'Keep the filters, drop the words'));
  }
  if (actions.childElementCount) el.empty.append(actions);
  if (state.q) {
    el.empty.append(h('p', { class: 'tips' },
      'Tips: check the spelling, use fewer words, try ', h('code', {}, 'OR'),
      ' between alternatives or a prefix like ', h('code', {}, 'negotiat*'), '.'));
  }
}

function pageNumbers(current, last) {
  const pages = new Set([1, last, current - 1, current, current + 1]);
  if (current <= 3) [2, 3, 4].forEach((p) => pages.add(p));
  if (current >= last - 2) [last - 1, last - 2, last - 3].forEach((p) => pages.add(p));
  return [...pages].filter((p) => p >= 1 && p <= last).sort((a, b) => a - b);
}

function renderPagination(total) {
  clear(el.pagination);
  const last = Math.min(MAX_PAGE, Math.ceil(total / PER_PAGE));
  if (last <= 1) {
    el.pagination.hidden = true;
    return;
  }
  el.pagination.hidden = false;
  const at = (page) => {
    const next = cloneState(state);
    next.page = page;
    return next;
  };
  const list = h('ul', { class: 'pages' });
  const current = state.page;
  // Beyond the last page (an old link, a typed URL), the step back is to the last.
  list.append(h('li', {}, current > 1
    ? navLink(at(Math.min(current - 1, last)), { class: 'page-step', rel: 'prev', dataset: { scroll: 'top' } }, '← Previous')
    : h('span', { class: 'page-step is-disabled', 'aria-hidden': 'true' }, '← Previous')));
  let previous = 0;
  for (const page of pageNumbers(current, last)) {
    if (page - previous > 1) list.append(h('li', { class: 'gap', 'aria-hidden': 'true' }, '…'));
    previous = page;
    list.append(h('li', {}, page === current
      ? h('span', { class: 'page is-current', 'aria-current': 'page' }, h('span', { class: 'visually-hidden' }, 'Page '), String(page))
      : navLink(at(page), { class: 'page', 'aria-label': `Page ${page}`, dataset: { scroll: 'top' } }, String(page))));
  }
  list.append(h('li', {}, current < last
    ? navLink(at(current + 1), { class: 'page-step', rel: 'next', dataset: { scroll: 'top' } }, 'Next →')
    : h('span', { class: 'page-step is-disabled', 'aria-hidden': 'true' }, 'Next →')));
  el.pagination.append(list);
}

function renderFacets(facets) {
  const focused = document.activeElement;
  const focusKey = focused?.dataset?.focusKey;
  clear(el.facets);
  let any = false;
  for (const facet of FACETS) {
    const values = Array.isArray(facets[facet]) ? facets[facet] : [];
    const selected = new Set(state.filters[facet]);
    if (!values.length && !selected.size) continue;
    any = true;
    // Selected values are always listed, even if the server left one out.
    const all = [...values];
    for (const value of selected) {
      if (!all.some((v) => v.value === value)) all.push({ value, count: 0, selected: true });
    }
    const isExpanded = expanded.has(facet);
    const visible = isExpanded ? all : all.filter((v, i) => i < FACET_VISIBLE || selected.has(v.value));
    const legendId = `facet-${facet}-legend`;
    const list = h('ul', { class: 'facet-values', id: `facet-${facet}-values` });
    for (const item of visible) {
      const checked = selected.has(item.value);
      const key = `${facet}\u0000${item.value}`;
      list.append(h('li', { class: `facet-value${checked ? ' is-selected' : ''}`, dataset: { value: item.value, count: String(item.count) } },
        h('label', {},
          h('input', {
            type: 'checkbox',
            checked,
            dataset: { facet, value: item.value, focusKey: key },
          }),
          h('span', { class: 'facet-name' }, item.value),
          h('span', { class: 'facet-count' },
            h('span', { class: 'visually-hidden' }, ', '),
            numberFormat.format(item.count),
            h('span', { class: 'visually-hidden' }, ` ${countedUnit(item.count)}`)))));
    }
    const group = h('fieldset', { class: 'facet', dataset: { facet } },
      h('legend', { id: legendId, class: 'panel-title' }, FACET_LABELS[facet].many),
      list);
    if (all.length > FACET_VISIBLE) {
      const more = all.length - visible.length;
      group.append(h('button', {
        type: 'button',
        class: 'link-button show-more',
        'aria-expanded': isExpanded ? 'true' : 'false',
        'aria-controls': list.id,
        dataset: { facet, focusKey: `more\u0000${facet}` },
      }, isExpanded ? 'Show fewer' : `Show ${more} more`));
    }
    el.facets.append(group);
  }
  if (!any) el.facets.append(h('p', { class: 'facets-empty' }, 'No people, places or organisations in these results.'));
  if (focusKey && !document.contains(focused)) {
    const target = [...el.facets.querySelectorAll('[data-focus-key]')].find((n) => n.dataset.focusKey === focusKey);
    if (target) target.focus({ preventScroll: true });
  }
}

el.facets.addEventListener('change', (event) => {
  const box = event.target;
  if (!(box instanceof HTMLInputElement) || box.type !== 'checkbox') return;
  navigate(withFilter(state, box.dataset.facet, box.dataset.value, box.checked));
});

el.facets.addEventListener('click', (event) => {
  const button = event.target.closest('button.show-more');
  if (!button) return;
  const { facet } = button.dataset;
  if (expanded.has(facet)) expanded.delete(facet);
  else expanded.add(facet);
  if (lastSearch.data) renderFacets(lastSearch.data.facets || {});
});

// What the last search's facets, chart and undated note count: stories, or articles when the
// index cannot tell copies apart (see facets_count in the API).
function countedUnit(n) {
  const stories = lastSearch.data?.facets_count === 'stories';
  if (n === 1) return stories ? 'story' : 'article';
  return stories ? 'stories' : 'articles';
}

function renderUndated(undated, hasDated) {
  if (!undated) {
    el.undated.hidden = true;
    el.undated.textContent = '';
    return;
  }
  el.undated.hidden = false;
  const base = `${numberFormat.format(undated)} matching ${countedUnit(undated)} ${undated === 1 ? 'has' : 'have'} no date`;
  el.undated.textContent = state.from || state.to
    ? `${base} and ${undated === 1 ? 'is' : 'are'} left out while a date range is set.`
    : `${base}${hasDated ? ' and ' + (undated === 1 ? 'is' : 'are') + ' not in the chart' : ''}.`;
}

const chart = createChart(el.chart, {
  onSelect: (from, to) => navigate(withDates(state, from, to)),
});

// ---------------------------------------------------------------------------------------------
// Article view

async function renderDoc() {
  const id = state.doc;
  const q = state.q;
  renderControls();
  if (el.articleView.dataset.id === id && el.articleView.dataset.q === q && el.articleView.childElementCount) {
    return;
  }
  if (docController) docController.abort();
  docController = new AbortController();
  const { signal } = docController;
  el.articleView.dataset.id = id;
  el.articleView.dataset.q = q;
  const back = cloneState(state);
  back.doc = '';
  clear(el.articleView).append(backLink(back), h('p', { class: 'loading' }, 'Loading article…'));
  el.articleView.setAttribute('aria-busy', 'true');
  try {
    const doc = await api.getDoc(id, q, signal);
    if (signal.aborted) return;
    showDoc(doc, back);
    // Related coverage is extra: the article stands without it if it cannot be had.
    const related = await api.related(id, signal).catch((error) => (api.isAbort(error) ? Promise.reject(error) : null));
    if (signal.aborted) return;
    showRelated(related, back);
  } catch (error) {
    if (api.isAbort(error)) return;
    clear(el.articleView).append(backLink(back),
      h('div', { class: 'error', role: 'alert' },
        h('strong', {}, 'The article could not be shown. '),
        h('span', { class: 'error-message' }, error.message)));
    delete el.articleView.dataset.id;
  } finally {
    if (!signal.aborted) el.articleView.removeAttribute('aria-busy');
  }
}

// Related coverage under the article: other stories on the same subject, each opening here.
function showRelated(related, back) {
  const section = $('related');
  const results = Array.isArray(related?.results) ? related.results : [];
  if (!section || !results.length) return;
  const list = h('ol', { class: 'related-list' });
  for (const item of results) {
    const next = cloneState(back);
    next.doc = item.id;
    list.append(h('li', { class: 'related-item', dataset: { id: item.id } },
      h('h4', { class: 'related-title' },
        navLink(next, { dataset: { scroll: 'top' } }, item.title || 'Untitled article')),
      metaLine(item)));
  }
  section.append(list);
  section.hidden = false;
}

function backLink(back) {
  return h('p', { class: 'article-nav' },
    navLink(back, { class: 'back-link' }, h('span', { 'aria-hidden': 'true' }, '← '),
      back.q ? 'Back to results' : 'Back to all articles'));
}

function showDoc(doc, back) {
  document.title = `${doc.title || 'Article'} – talksearch`;
  const entitiesPanel = h('aside', { class: 'article-entities', 'aria-labelledby': 'entities-heading' },
    h('h3', { id: 'entities-heading' }, 'In this article'));
  const groups = groupEntities(doc, FACETS);
  if (!groups.length) entitiesPanel.append(h('p', { class: 'muted' }, 'No people, places or organisations recognised.'));
  for (const [facet, entities] of groups) {
    const list = h('ul', { class: 'entity-list' });
    for (const entity of entities) {
      const mentions = (entity.mentions || []).length;
      // The article's source is named nowhere in its text: no count of mentions.
      const count = mentions ? h('span', { class: 'entity-count' },
        h('span', { class: 'visually-hidden' }, ', '), String(mentions),
        h('span', { class: 'visually-hidden' }, mentions === 1 ? ' mention' : ' mentions')) : null;
      const shownRoles = (entity.roles || []).filter((role) => role !== facet);
      const roles = shownRoles.length ? h('span', { class: 'entity-roles' }, shownRoles.join(', ')) : null;
      const inner = [h('span', { class: 'chip-dot', 'aria-hidden': 'true' }),
        h('span', { class: 'entity-text' }, h('span', { class: 'entity-name' }, entity.name), roles ? ' ' : null, roles),
        count];
      list.append(h('li', {}, facet
        ? navLink(withFilter(back, facet, entity.name, true), {
          class: 'entity-link',
          title: `Show articles with ${facetLabel(facet)}: ${entity.name}`,
          dataset: { facet, value: entity.name, scroll: 'top', colour: facetColour(facet) },
        }, ...inner)
        : h('span', { class: 'entity-link is-static' }, ...inner)));
    }
    entitiesPanel.append(h('h4', {}, facet ? FACET_LABELS[facet]?.many || facet : 'Other'), list);
  }

  const hasHighlights = (doc.highlights || []).length > 0;
  const legend = h('p', { class: 'article-legend' },
    hasHighlights ? [h('mark', {}, 'highlighted'), ' words match your search', h('span', { class: 'sep', 'aria-hidden': 'true' }, '·')] : null,
    h('span', { class: 'entity-mention' }, 'underlined'), ' names are people, places and organisations');

  const body = renderBody(doc);
  clear(el.articleView).append(
    backLink(back),
    h('header', { class: 'article-header' },
      h('h2', { id: 'article-title', class: 'article-title', tabindex: '-1' }, renderTitle(doc)),
      metaLine(doc),
      legend),
    h('div', { class: 'article-layout' },
      h('div', { class: 'article-body' }, body.length ? body : h('p', { class: 'muted' }, 'This article has no text.')),
      entitiesPanel),
    h('section', { id: 'related', class: 'related', 'aria-labelledby': 'related-heading', hidden: true },
      h('h3', { id: 'related-heading' }, 'Related coverage')));
  const title = $('article-title');
  if (title && !el.articleView.contains(document.activeElement)) title.focus({ preventScroll: true });
}

// ---------------------------------------------------------------------------------------------
// Controls

el.form.addEventListener('submit', (event) => {
  event.preventDefault();
  suggestBox.close();
  navigate(withQuery(state, el.input.value.trim()));
});

const suggestBox = setupSuggest({
  input: el.input,
  listbox: el.suggestions,
  onPick: (item) => navigate(withQuery(state, item.query.trim())),
});

el.sort.addEventListener('change', () => {
  const next = cloneState(state);
  next.sort = el.sort.value;
  next.page = 1;
  navigate(next);
});

function onDateChange() {
  const from = el.from.value;
  const to = el.to.value;
  if (from === normaliseFrom(state.from) && to === normaliseTo(state.to)) return;
  navigate(withDates(state, from, to));
}
el.from.addEventListener('change', onDateChange);
el.to.addEventListener('change', onDateChange);
el.dateClear.addEventListener('click', () => navigate(withDates(state, '', '')));
el.sidebarClear.addEventListener('click', () => navigate(withoutFilters(state)));

function setFiltersOpen(open) {
  document.body.classList.toggle('filters-open', open);
  el.filtersToggle.setAttribute('aria-expanded', open ? 'true' : 'false');
  if (open) $('filters-heading').focus({ preventScroll: true });
  else el.filtersToggle.focus({ preventScroll: true });
}
el.filtersToggle.addEventListener('click', () => setFiltersOpen(!document.body.classList.contains('filters-open')));
el.sidebarClose.addEventListener('click', () => setFiltersOpen(false));

$('home-link').addEventListener('click', (event) => {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  navigate(parseState(''));
});

document.addEventListener('keydown', (event) => {
  const target = event.target;
  const typing = target instanceof HTMLElement
    && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));
  if (event.key === '/' && !typing && !event.ctrlKey && !event.metaKey && !event.altKey) {
    event.preventDefault();
    el.input.focus();
    el.input.select();
  } else if (event.key === 'Escape' && document.body.classList.contains('filters-open')) {
    setFiltersOpen(false);
  } else if (event.key === 'Escape' && !typing && state.doc) {
    const back = cloneState(state);
    back.doc = '';
    navigate(back);
  }
});

// Keep the URL canonical (e.g. `organization=` becomes `organisation=`) without a new entry.
if (stateToQuery(state) !== location.search) history.replaceState(null, '', stateToHref(state) || location.pathname);
render();
