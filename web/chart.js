// The date histogram: matching stories (or articles) per month as an SVG bar chart. Clicking a bar selects
// that month; dragging across bars selects a range of months.

import { h, s, clear } from './dom.js';

const WIDTH = 300;
const HEIGHT = 72;
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

function monthIndex(month) {
  const [y, m] = month.split('-').map(Number);
  return y * 12 + (m - 1);
}

function monthKey(index) {
  const y = Math.floor(index / 12);
  const m = (index % 12) + 1;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}`;
}

export function monthLabel(month, long = false) {
  const [y, m] = month.split('-').map(Number);
  return `${MONTHS[m - 1]}${long ? ' ' : " '"}${long ? y : String(y).slice(-2)}`;
}

function lastDay(month) {
  const [y, m] = month.split('-').map(Number);
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

export function monthStart(month) {
  return `${month}-01`;
}

export function monthEnd(month) {
  return `${month}-${String(lastDay(month)).padStart(2, '0')}`;
}

// `from` / `to` may be YYYY, YYYY-MM or YYYY-MM-DD; these give the full day for date inputs.
export function normaliseFrom(value) {
  if (/^\d{4}$/.test(value)) return `${value}-01-01`;
  if (/^\d{4}-\d{2}$/.test(value)) return monthStart(value);
  return value;
}

export function normaliseTo(value) {
  if (/^\d{4}$/.test(value)) return `${value}-12-31`;
  if (/^\d{4}-\d{2}$/.test(value)) return monthEnd(value);
  return value;
}

export function createChart(container, { onSelect }) {
  let months = []; // [{month, count}] continuous, gaps filled with zero
  let dragStart = -1;
  let dragEnd = -1;
  let selection = { from: '', to: '' };

  const svg = s('svg', {
    class: 'chart-svg',
    viewBox: `0 0 ${WIDTH} ${HEIGHT}`,
    preserveAspectRatio: 'none',
    role: 'img',
  });
  const title = s('title', {});
  const bars = s('g', { class: 'chart-bars' });
  const brush = s('rect', { class: 'chart-brush', x: 0, y: 0, width: 0, height: HEIGHT, visibility: 'hidden' });
  svg.append(title, bars, brush);
  const axis = h('div', { class: 'chart-axis', 'aria-hidden': 'true' });
  const hint = h('p', { class: 'chart-hint' });
  const empty = h('p', { class: 'chart-empty' });

  function indexAt(clientX) {
    const rect = svg.getBoundingClientRect();
    if (!months.length || rect.width === 0) return -1;
    const i = Math.floor(((clientX - rect.left) / rect.width) * months.length);
    return Math.max(0, Math.min(months.length - 1, i));
  }

  function slot() {
    return WIDTH / Math.max(1, months.length);
  }

  function drawBrush() {
    if (dragStart < 0) {
      brush.setAttribute('visibility', 'hidden');
      return;
    }
    const a = Math.min(dragStart, dragEnd);
    const b = Math.max(dragStart, dragEnd);
    brush.setAttribute('x', String(a * slot()));
    brush.setAttribute('width', String((b - a + 1) * slot()));
    brush.setAttribute('visibility', 'visible');
  }

  svg.addEventListener('pointerdown', (event) => {
    if (event.button !== 0 || !months.length) return;
    event.preventDefault();
    dragStart = dragEnd = indexAt(event.clientX);
    svg.setPointerCapture(event.pointerId);
    drawBrush();
  });
  svg.addEventListener('pointermove', (event) => {
    if (dragStart < 0) return;
    const i = indexAt(event.clientX);
    if (i !== dragEnd) {
      dragEnd = i;
      drawBrush();
    }
  });
  function finish(event, commit) {
    if (dragStart < 0) return;
    if (svg.hasPointerCapture(event.pointerId)) svg.releasePointerCapture(event.pointerId);
    const a = months[Math.min(dragStart, dragEnd)].month;
    const b = months[Math.max(dragStart, dragEnd)].month;
    dragStart = dragEnd = -1;
    drawBrush();
    if (!commit) return;
    const from = monthStart(a);
    const to = monthEnd(b);
    // Clicking the month that is already the whole selection clears it.
    if (a === b && normaliseFrom(selection.from) === from && normaliseTo(selection.to) === to) onSelect('', '');
    else onSelect(from, to);
  }
  svg.addEventListener('pointerup', (event) => finish(event, true));
  svg.addEventListener('pointercancel', (event) => finish(event, false));

  // `unit` names what is counted: { one: 'story', many: 'stories' }.
  function render(histogram, from, to, unit = { one: 'article', many: 'articles' }) {
    const counted = (n) => `${n} ${n === 1 ? unit.one : unit.many}`;
    selection = { from, to };
    const list = Array.isArray(histogram) ? histogram.filter((b) => /^\d{4}-\d{2}$/.test(b.month)) : [];
    clear(container);
    if (!list.length) {
      months = [];
      empty.textContent = `No dated ${unit.many} match.`;
      container.append(empty);
      return;
    }
    const counts = new Map(list.map((b) => [b.month, b.count]));
    const first = monthIndex(list[0].month);
    const last = monthIndex(list[list.length - 1].month);
    months = [];
    for (let i = first; i <= last; i += 1) {
      const key = monthKey(i);
      months.push({ month: key, count: counts.get(key) || 0 });
    }
    const max = Math.max(...months.map((m) => m.count), 1);
    const width = slot();
    const barWidth = Math.min(width * 0.78, 28);
    const lo = from ? normaliseFrom(from) : '';
    const hi = to ? normaliseTo(to) : '';
    const ranged = Boolean(lo || hi);

    clear(bars);
    months.forEach((m, i) => {
      const inRange = (!lo || monthEnd(m.month) >= lo) && (!hi || monthStart(m.month) <= hi);
      const barHeight = m.count ? Math.max(2, (m.count / max) * (HEIGHT - 4)) : 0;
      const group = s('g', { class: `chart-bar${ranged && inRange ? ' in-range' : ''}${ranged && !inRange ? ' out-range' : ''}` });
      group.append(
        s('rect', { class: 'chart-hit', x: i * width, y: 0, width, height: HEIGHT }),
        s('rect', {
          class: 'chart-fill',
          x: i * width + (width - barWidth) / 2,
          y: HEIGHT - barHeight,
          width: barWidth,
          height: barHeight,
        }),
        s('title', {}, `${monthLabel(m.month, true)}: ${counted(m.count)}`),
      );
      group.dataset.month = m.month;
      bars.append(group);
    });
    const total = months.reduce((sum, m) => sum + m.count, 0);
    const many = unit.many[0].toUpperCase() + unit.many.slice(1);
    const summary = `${many} per month, ${monthLabel(months[0].month, true)} to ${monthLabel(months[months.length - 1].month, true)}: ${total} dated ${total === 1 ? unit.one : unit.many}, at most ${max} in one month.`;
    title.textContent = summary;
    svg.setAttribute('aria-label', summary);

    // Up to three month labels, each centred under its bar (the outer ones kept inside).
    clear(axis);
    const ticks = [...new Set([0, Math.floor((months.length - 1) / 2), months.length - 1])];
    if (ticks.length === 3 && months.length < 5) ticks.splice(1, 1);
    for (const i of ticks) {
      const label = h('span', { class: 'chart-tick' }, monthLabel(months[i].month));
      const centre = ((i + 0.5) / months.length) * 100;
      if (i === 0) label.classList.add('is-first');
      if (i === months.length - 1) label.classList.add('is-last');
      if (i > 0 && i < months.length - 1) label.style.left = `${centre}%`;
      axis.append(label);
    }
    hint.textContent = months.length > 1 ? 'Click a month or drag across months to filter.' : 'Click the bar to filter to this month.';
    container.append(svg, axis, hint);
  }

  return { render };
}
