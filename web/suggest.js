// Search-as-you-type suggestions: the ARIA 1.2 combobox pattern (input + listbox) over
// /api/suggest, debounced, with stale requests aborted.

import { suggest, isAbort } from './api.js';
import { h, clear } from './dom.js';
import { FACET_LABELS } from './state.js';

const DEBOUNCE_MS = 120;

export function setupSuggest({ input, listbox, onPick }) {
  let items = [];
  let active = -1;
  let timer = 0;
  let controller = null;
  let lastRequested = null;

  function isOpen() {
    return !listbox.hidden;
  }

  function close() {
    clearTimeout(timer);
    if (controller) controller.abort();
    controller = null;
    lastRequested = null;
    listbox.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  }

  function setActive(index) {
    const options = listbox.querySelectorAll('[role="option"]');
    active = index;
    options.forEach((option, i) => {
      const selected = i === index;
      option.setAttribute('aria-selected', selected ? 'true' : 'false');
      option.classList.toggle('is-active', selected);
      if (selected) option.scrollIntoView({ block: 'nearest' });
    });
    if (index >= 0 && options[index]) input.setAttribute('aria-activedescendant', options[index].id);
    else input.removeAttribute('aria-activedescendant');
  }

  function describe(item) {
    if (item.kind === 'entity') {
      const label = FACET_LABELS[item.facet]?.one || item.type || 'entity';
      const count = typeof item.count === 'number' && item.count > 0 ? ` · ${item.count}` : '';
      return h('span', { class: `suggestion-kind kind-${item.facet || item.type || 'entity'}` }, label + count);
    }
    if (typeof item.count === 'number') {
      return h('span', { class: 'suggestion-kind kind-word' },
        `${item.count} article${item.count === 1 ? '' : 's'}`);
    }
    return null;
  }

  function show(list) {
    items = list;
    clear(listbox);
    active = -1;
    input.removeAttribute('aria-activedescendant');
    if (!items.length || document.activeElement !== input) {
      listbox.hidden = true;
      input.setAttribute('aria-expanded', 'false');
      return;
    }
    items.forEach((item, i) => {
      const option = h('li', {
        id: `suggestion-${i}`,
        role: 'option',
        class: `suggestion suggestion-${item.kind}`,
        'aria-selected': 'false',
        dataset: { index: String(i) },
      }, h('span', { class: 'suggestion-label' }, item.label), describe(item));
      listbox.append(option);
    });
    listbox.hidden = false;
    input.setAttribute('aria-expanded', 'true');
  }

  async function fetchSuggestions(q) {
    if (controller) controller.abort();
    controller = new AbortController();
    const { signal } = controller;
    lastRequested = q;
    try {
      const data = await suggest(q, signal);
      if (signal.aborted || input.value !== q) return;
      show(Array.isArray(data.suggestions) ? data.suggestions : []);
    } catch (error) {
      if (!isAbort(error)) show([]); // suggestions are a convenience: fail quietly
    }
  }

  function schedule() {
    clearTimeout(timer);
    const q = input.value;
    if (!q.trim() || /\s$/.test(q)) {
      close();
      return;
    }
    timer = setTimeout(() => {
      if (q !== lastRequested) fetchSuggestions(q);
    }, DEBOUNCE_MS);
  }

  function pick(index) {
    const item = items[index];
    if (!item) return;
    close();
    input.value = item.query;
    onPick(item);
  }

  input.addEventListener('input', schedule);

  input.addEventListener('keydown', (event) => {
    if (event.isComposing) return;
    switch (event.key) {
      case 'ArrowDown':
        event.preventDefault();
        if (!isOpen()) {
          if (items.length && input.value.trim()) {
            show(items);
            setActive(0);
          } else {
            lastRequested = null;
            schedule();
          }
        } else {
          setActive(active + 1 >= items.length ? 0 : active + 1);
        }
        break;
      case 'ArrowUp':
        if (isOpen()) {
          event.preventDefault();
          setActive(active <= 0 ? items.length - 1 : active - 1);
        }
        break;
      case 'Enter':
        if (isOpen() && active >= 0) {
          event.preventDefault();
          pick(active);
        } else {
          close();
        }
        break;
      case 'Escape':
        if (isOpen()) {
          event.preventDefault();
          close();
        }
        break;
      case 'Tab':
        close();
        break;
      default:
        break;
    }
  });

  input.addEventListener('blur', () => {
    // Let a click on an option land first.
    setTimeout(() => {
      if (document.activeElement !== input) close();
    }, 150);
  });

  listbox.addEventListener('mousedown', (event) => event.preventDefault());
  listbox.addEventListener('click', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option) pick(Number(option.dataset.index));
  });
  listbox.addEventListener('mousemove', (event) => {
    const option = event.target.closest('[role="option"]');
    if (option && Number(option.dataset.index) !== active) setActive(Number(option.dataset.index));
  });

  return { close };
}
