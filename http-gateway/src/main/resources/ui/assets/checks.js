// One list of checks as the Service and Node pages show it: status, type, output, notes and
// since when the check is in that status. The API does not say when a status began, so the
// page remembers the moment it saw a change; and for a critical service check with
// DeregisterCriticalServiceAfter, /v1/agent/checks' DeregisterCriticalServiceAt tells both
// when it turned critical and when the agent will remove the service.
import { get } from './api.js';
import { ago, goDuration, h, span, time } from './dom.js';
import { badge } from './health.js';

// node + check ID -> {status, since}; kept across views so going back keeps what was seen.
const seen = new Map();

function sinceOf(check) {
  const key = `${check.Node}\u0000${check.CheckID}`;
  const prev = seen.get(key);
  if (!prev || prev.status !== check.Status) {
    seen.set(key, { status: check.Status, since: prev ? new Date() : null });
  }
  return seen.get(key).since;
}

/**
 * The agent's own checks by ID, with their removal time when known. Only this agent runs
 * reapers, so only checks of this node can have one; errors just leave the line out.
 */
export async function agentChecks(signal) {
  try {
    return (await get('/v1/agent/checks', { signal })) || {};
  } catch {
    return {};
  }
}

const AGENT_POLL_MS = 5000;

/**
 * Re-reads /v1/agent/checks every few seconds while the view lasts and calls onChange when
 * it differs. Why a poll: a change of output alone moves no catalog index (catalog.md sec.
 * 6), so blocking queries do not return for it; this agent's own view has the latest output
 * at the cost of one local read, with no Raft round, per page and interval.
 */
export function followAgentChecks(signal, onChange) {
  let last = '';
  let timer = null;
  const tick = async () => {
    clearTimeout(timer);
    const checks = await agentChecks(signal);
    if (signal.aborted) return;
    const text = JSON.stringify(checks);
    if (text !== last) {
      last = text;
      onChange(checks);
    }
    clearTimeout(timer);
    timer = setTimeout(tick, AGENT_POLL_MS);
  };
  tick();
  // Read again now: a status that just changed in the catalog comes with new output.
  return tick;
}

function statusLine(check, agentCheck) {
  const at = agentCheck && agentCheck.DeregisterCriticalServiceAt;
  if (check.Status === 'critical' && at) {
    const removeAt = new Date(at);
    const after = goDuration(agentCheck.Definition && agentCheck.Definition.DeregisterCriticalServiceAfter);
    const since = after === null ? null : new Date(removeAt.getTime() - after);
    return h('p', { class: 'since reap' },
      since ? `Critical since ${time(since)}; ` : 'Critical; ',
      h('strong', {}, `will be removed at ${time(removeAt)}`),
      after === null ? '' : ` (DeregisterCriticalServiceAfter ${span(after)})`);
  }
  const since = sinceOf(check);
  if (!since) {
    return h('p', { class: 'since muted' }, `${cap(check.Status)} since before this page opened`);
  }
  return h('p', { class: 'since' }, `${cap(check.Status)} since ${time(since)} (${ago(since)})`);
}

const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);

/**
 * @param checks HealthCheck objects
 * @param agent map from /v1/agent/checks, for checks of this agent's node
 * @param selfNode this agent's node name
 */
export function checkList(checks, agent, selfNode, emptyText) {
  if (checks.length === 0) return h('p', { class: 'muted' }, emptyText);
  return h('ul', { class: 'checks' }, checks.map((c) => {
    const mine = c.Node === selfNode ? agent[c.CheckID] : undefined;
    // This agent runs the check: its output is the newest there is.
    const output = mine && typeof mine.Output === 'string' ? mine.Output : c.Output;
    return h('li', { class: `check ${c.Status}`, 'data-check': c.CheckID },
      h('div', { class: 'check-head' },
        badge(c.Status),
        h('span', { class: 'check-name' }, c.Name || c.CheckID),
        h('span', { class: 'muted' }, ` ${c.CheckID}`),
        h('span', { class: 'check-type' }, c.Type ? c.Type : 'catalog')),
      statusLine(c, mine),
      c.Notes ? h('p', { class: 'notes' }, h('span', { class: 'label' }, 'Notes: '), c.Notes) : null,
      output
        ? h('pre', { class: 'output', tabindex: '0', 'aria-label': `Output of ${c.Name}` }, output)
        : h('p', { class: 'muted' }, 'No output yet.'));
  }));
}
