// The article view: the whole cleaned text split into paragraphs, with the query's matches
// highlighted and entity mentions marked. Offsets from the API count code points.

import { h } from './dom.js';
import { FACET_LABELS, facetColour } from './state.js';

// Splits `chars` (an array of code points) in [start, end) into nodes, wrapping the spans of
// `annotations` ({start, end, kind, entity}) in <mark> and entity elements. Overlapping spans are
// handled by cutting the text at every boundary and nesting the wrappers of each piece.
function annotate(chars, start, end, annotations) {
  const relevant = annotations.filter((a) => a.end > start && a.start < end);
  const cuts = new Set([start, end]);
  for (const a of relevant) {
    cuts.add(Math.max(start, a.start));
    cuts.add(Math.min(end, a.end));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const nodes = [];
  let previous = null;
  for (let i = 0; i + 1 < points.length; i += 1) {
    const a = points[i];
    const b = points[i + 1];
    if (a >= b) continue;
    const text = chars.slice(a, b).join('');
    const active = relevant.filter((x) => x.start <= a && x.end >= b);
    const entity = active.find((x) => x.kind === 'entity');
    const highlight = active.some((x) => x.kind === 'highlight');
    const key = `${entity ? entity.id : ''}|${highlight}`;
    // Merge with the previous piece when it carries the same wrappers.
    if (previous && previous.key === key && previous.end === a) {
      previous.text += text;
      previous.end = b;
      continue;
    }
    previous = { key, text, end: b, entity, highlight };
    nodes.push(previous);
  }
  return nodes.map((piece) => {
    let node = document.createTextNode(piece.text);
    if (piece.highlight) node = h('mark', {}, node);
    if (piece.entity) {
      const e = piece.entity.entity;
      const facetLabel = FACET_LABELS[e.facets?.[0]]?.one || e.type;
      node = h('span', {
        class: 'entity-mention',
        title: `${facetLabel}: ${e.name}`,
        dataset: { entity: e.name, colour: facetColour(e.facets?.[0]) },
      }, node);
    }
    return node;
  });
}

function annotationsFor(doc, field) {
  const list = [];
  (doc.entities || []).forEach((entity, id) => {
    for (const m of entity.mentions || []) {
      if (m.field === field && m.end > m.start) list.push({ start: m.start, end: m.end, kind: 'entity', id, entity });
    }
  });
  for (const m of doc.highlights || []) {
    if (m.field === field && m.end > m.start) list.push({ start: m.start, end: m.end, kind: 'highlight' });
  }
  return list;
}

// Paragraph ranges of `chars`: split on blank lines (a newline, optional spaces, a newline).
function paragraphs(chars) {
  const ranges = [];
  let start = 0;
  let i = 0;
  while (i < chars.length) {
    if (chars[i] === '\n') {
      let j = i + 1;
      while (j < chars.length && (chars[j] === ' ' || chars[j] === '\t' || chars[j] === '\r')) j += 1;
      if (j < chars.length && chars[j] === '\n') {
        let k = j;
        while (k < chars.length && /\s/.test(chars[k])) k += 1;
        ranges.push([start, i]);
        start = k;
        i = k;
        continue;
      }
    }
    i += 1;
  }
  ranges.push([start, chars.length]);
  return ranges.filter(([a, b]) => chars.slice(a, b).join('').trim() !== '');
}

export function renderTitle(doc) {
  const chars = Array.from(doc.title || '');
  if (!chars.length) return [h('span', { class: 'untitled' }, 'Untitled article')];
  return annotate(chars, 0, chars.length, annotationsFor(doc, 'title'));
}

export function renderBody(doc) {
  const chars = Array.from(doc.body || '');
  const annotations = annotationsFor(doc, 'body');
  return paragraphs(chars).map(([a, b]) => h('p', {}, annotate(chars, a, b, annotations)));
}

// Groups the article's entities by their first facet, in the sidebar's order.
export function groupEntities(doc, order) {
  const groups = new Map();
  for (const entity of doc.entities || []) {
    const facet = entity.facets?.[0] || '';
    if (!groups.has(facet)) groups.set(facet, []);
    groups.get(facet).push(entity);
  }
  const mentions = (e) => (e.mentions || []).length;
  for (const list of groups.values()) list.sort((a, b) => mentions(b) - mentions(a));
  const known = order.filter((f) => groups.has(f)).map((f) => [f, groups.get(f)]);
  const other = [...groups.entries()].filter(([f]) => !order.includes(f));
  return [...known, ...other];
}
