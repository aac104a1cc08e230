// Pieces both KV views use: breadcrumbs and the message area.
import { h, replace } from '../dom.js';
import { kvUrl, parentOf } from '../kv-codec.js';

/** "Key/Value / a / b /" with a link per folder level. */
export function crumbs(key) {
  if (key === '') return null; // the root is the page's own title
  const levels = [];
  for (let p = parentOf(key); p !== ''; p = parentOf(p)) levels.unshift(p);
  const parts = [h('a', { href: '/ui/kv/' }, 'Key/Value'), ' / '];
  for (const level of levels) {
    parts.push(h('a', { href: kvUrl(level) }, level.slice(parentOf(level).length, -1)), ' / ');
  }
  return h('p', { class: 'crumbs' }, parts);
}

/** A message area that assistive technology reads out when it changes. */
export function messageArea(id) {
  return h('div', { id, class: 'message', role: 'status', 'aria-live': 'polite' });
}

export function say(area, kind, ...text) {
  area.className = `message ${kind}`;
  area.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  replace(area, ...text);
}
