// Small DOM helpers. Everything that comes from articles, queries or the server is put into the
// page as text nodes; nothing here ever assigns HTML strings.

const SVG_NS = 'http://www.w3.org/2000/svg';

function setAttributes(el, attrs) {
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'class') el.setAttribute('class', value);
    else if (name === 'text') el.textContent = value;
    else if (name === 'dataset') {
      for (const [key, item] of Object.entries(value)) if (item !== undefined && item !== null) el.dataset[key] = item;
    }
    else if (name.startsWith('on') && typeof value === 'function') {
      el.addEventListener(name.slice(2).toLowerCase(), value);
    } else if (name === 'style') {
      throw new Error('inline style attributes are not allowed (CSP)');
    } else {
      el.setAttribute(name, value === true ? '' : String(value));
    }
  }
}

function appendChildren(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

// h('a', {href: '…', class: 'x'}, 'text', otherNode)
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  setAttributes(el, attrs);
  appendChildren(el, children);
  return el;
}

export function s(tag, attrs, ...children) {
  const el = document.createElementNS(SVG_NS, tag);
  setAttributes(el, attrs);
  appendChildren(el, children);
  return el;
}

export function clear(el) {
  while (el.firstChild) el.firstChild.remove();
  return el;
}

const ENTITIES = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&#39;': "'" };

export function decodeEntities(text) {
  return text.replace(/&(?:amp|lt|gt|quot|#39);/g, (m) => ENTITIES[m]);
}

// Builds nodes from the API's `snippet` / `title_html`: escaped text whose only markup is
// <mark>…</mark>. The string is never parsed as HTML: it is split on the two tags and every
// other piece becomes a text node, so no server string can create any other element.
export function markedFragment(html) {
  const fragment = document.createDocumentFragment();
  let target = fragment;
  for (const piece of String(html ?? '').split(/(<mark>|<\/mark>)/)) {
    if (piece === '<mark>') {
      if (target === fragment) {
        target = document.createElement('mark');
        fragment.append(target);
      }
    } else if (piece === '</mark>') {
      target = fragment;
    } else if (piece) {
      target.append(document.createTextNode(decodeEntities(piece)));
    }
  }
  return fragment;
}

// Only http(s) links from articles become clickable.
export function safeExternalUrl(url) {
  if (typeof url !== 'string' || !url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

export function hostOf(url) {
  try {
    return new URL(url).hostname.replace(/^www\./, '');
  } catch {
    return '';
  }
}
