// Tiny DOM helpers: h() builds elements (text is always set as text, never parsed as HTML).

export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (key in el && typeof value !== 'string') el[key] = value;
    else el.setAttribute(key, value === true ? '' : value);
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === undefined || child === null || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

export function clear(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A message box: kind is "error", "warn", "ok" or "info"; errors are announced at once. */
export function notice(kind, text, ...extra) {
  const role = kind === 'error' || kind === 'warn' ? 'alert' : 'status';
  return h('div', { class: `notice ${kind}`, role }, h('span', {}, text), ...extra);
}

export function table(columns, rows, { caption, empty = 'Nothing yet.', rowAttrs } = {}) {
  const head = h('thead', {}, h('tr', {}, columns.map((c) => h('th', { scope: 'col', ...(c.thAttrs || {}) }, c.label))));
  const body = h('tbody', {}, rows.length
    ? rows.map((row) => h('tr', rowAttrs ? rowAttrs(row) : {},
      columns.map((c) => h('td', { class: c.class }, c.render ? c.render(row) : fmt(row[c.key])))))
    : h('tr', {}, h('td', { colspan: columns.length, class: 'empty' }, empty)));
  return h('div', { class: 'table-wrap' },
    h('table', {}, caption ? h('caption', {}, caption) : null, head, body));
}

export function fmt(value) {
  if (value === undefined || value === null || value === '') return '—';
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function fmtTime(value) {
  if (!value) return '—';
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return String(value);
  return d.toLocaleString(undefined, { hour12: false });
}

/** Time of day with milliseconds, for frames. */
export function fmtClock(value) {
  const d = new Date(value);
  if (!value || Number.isNaN(d.getTime())) return value ? String(value) : '—';
  return d.toLocaleTimeString(undefined, { hour12: false }) + `.${String(d.getMilliseconds()).padStart(3, '0')}`;
}

/** How long ago, in words: "just now", "42 s ago", "5 min ago", "3 h ago", "2 d ago". */
export function fmtAgo(value, now = Date.now()) {
  const t = value ? new Date(value).getTime() : NaN;
  if (Number.isNaN(t)) return 'never';
  const s = Math.round((now - t) / 1000);
  if (s < 5) return 'just now';
  if (s < 60) return `${s} s ago`;
  if (s < 3600) return `${Math.floor(s / 60)} min ago`;
  if (s < 86_400) return `${Math.floor(s / 3600)} h ago`;
  return `${Math.floor(s / 86_400)} d ago`;
}

export function fmtNum(value, digits = 2) {
  return typeof value === 'number' && Number.isFinite(value) ? value.toFixed(digits) : '—';
}

export function badge(text, kind) {
  return h('span', { class: `badge ${kind || String(text).toLowerCase()}` }, text ?? '—');
}

export function pretty(value) {
  return h('pre', { class: 'json' }, JSON.stringify(value, null, 2));
}

/** Call fn at most once per `ms` (trailing), for bursts of events. */
export function debounce(fn, ms = 250) {
  let timer = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => { timer = null; fn(); }, ms);
  };
}

/** Every `ms`, unless the tab is hidden; returns the stop function. */
export function every(ms, fn) {
  const id = setInterval(() => { if (!document.hidden) fn(); }, ms);
  return () => clearInterval(id);
}
