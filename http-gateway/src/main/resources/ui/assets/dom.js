// Small DOM and formatting helpers. Every piece of data reaches the page as a text node
// (never through innerHTML), so names, outputs and values from the API cannot inject markup.

/** Creates an element: h('a', {href: '/x', class: 'y'}, 'text', childElement). */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs || {})) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) {
      el.addEventListener(name.slice(2), value);
    } else if (value === true) {
      el.setAttribute(name, '');
    } else {
      el.setAttribute(name, String(value));
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children) {
    if (child === undefined || child === null || child === false) continue;
    if (Array.isArray(child)) append(el, child);
    else el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces everything inside el. */
export function replace(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A path segment for our own URLs: names may hold '/', '?' or '#'. */
export const seg = (s) => encodeURIComponent(s);

export function time(date) {
  return date.toLocaleString(undefined, {
    year: 'numeric', month: 'short', day: 'numeric',
    hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
}

/** "3m 20s ago", for how long a status has held. */
export function ago(date, now = new Date()) {
  return `${span(now - date)} ago`;
}

export function span(ms) {
  const s = Math.max(0, Math.round(ms / 1000));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m ${s % 60}s`;
  return `${Math.floor(s / 3600)}h ${Math.floor((s % 3600) / 60)}m`;
}

const UNITS = { ns: 1e-6, us: 1e-3, 'µs': 1e-3, 'μs': 1e-3, ms: 1, s: 1000, m: 60000, h: 3600000 };

/** Milliseconds of a Go duration ("1m30s", "90s", "1.5h"); null when it does not parse. */
export function goDuration(text) {
  if (typeof text === 'number') return text / 1e6; // JSON numbers are nanoseconds (§2.11)
  if (!text) return null;
  if (text === '0') return 0;
  const re = /(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/y;
  let total = 0;
  let at = 0;
  while (at < text.length) {
    re.lastIndex = at;
    const m = re.exec(text);
    if (!m) return null;
    total += Number(m[1]) * UNITS[m[2]];
    at = re.lastIndex;
  }
  return total;
}

/** The "definition list" of a map: meta, tagged addresses. */
export function pairs(map, emptyText) {
  const entries = Object.entries(map || {});
  if (entries.length === 0) return h('p', { class: 'muted' }, emptyText);
  return h('dl', { class: 'pairs' },
    entries.map(([k, v]) => h('div', {}, h('dt', {}, k), h('dd', {}, v === '' ? '""' : v))));
}

export function tags(list) {
  if (!list || list.length === 0) return h('span', { class: 'muted' }, 'no tags');
  return h('ul', { class: 'tags', 'aria-label': 'Tags' }, list.map((t) => h('li', {}, t)));
}

/** An error shown in the page, with what to do about it. */
export function errorBox(err, what) {
  return h('div', { class: 'error', role: 'alert' },
    h('strong', {}, what ? `${what}: ` : ''), err.message || String(err),
    err.retrying ? h('span', { class: 'muted' }, ' Retrying…') : null);
}
