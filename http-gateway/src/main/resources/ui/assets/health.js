// The UI's reading of health: the same rule the API applies (an instance is as healthy as
// its worst check, node-level checks included), plus how to show a status without relying
// on colour alone.
import { h } from './dom.js';

export const STATUSES = ['critical', 'warning', 'passing'];
const RANK = { critical: 0, warning: 1, passing: 2 };

/** The worst status of some checks; 'passing' when there are none. */
export function worst(checks) {
  let best = 'passing';
  for (const c of checks) {
    const s = c.Status in RANK ? c.Status : 'critical'; // an unknown word is not healthy
    if (RANK[s] < RANK[best]) best = s;
  }
  return best;
}

export function rank(status) {
  return RANK[status] ?? 0;
}

/** {passing, warning, critical} counts. */
export function count(checks) {
  const out = { passing: 0, warning: 0, critical: 0 };
  for (const c of checks) out[c.Status in out ? c.Status : 'critical'] += 1;
  return out;
}

const SYMBOL = { passing: '✓', warning: '!', critical: '✕' };

export function badge(status) {
  return h('span', { class: `badge ${status}`, 'data-status': status },
    h('span', { 'aria-hidden': 'true' }, SYMBOL[status] || '?'), ' ', status);
}

/** "2 passing · 1 critical", zero counts left out. */
export function summary(counts) {
  const parts = STATUSES.filter((s) => counts[s] > 0)
    .map((s) => h('span', { class: `count ${s}`, 'data-count': s }, `${counts[s]} ${s}`));
  if (parts.length === 0) return h('span', { class: 'muted' }, 'no checks');
  return h('span', { class: 'summary' }, parts.flatMap((p, i) => (i ? [' · ', p] : [p])));
}
