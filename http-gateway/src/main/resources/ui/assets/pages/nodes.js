// Nodes: name, address, role, member status and node checks. Follows /v1/catalog/nodes and
// /v1/health/state/any; members (role, status) are re-read whenever either moves, since a
// member that fails also turns its serfHealth check critical.
import { get, watch } from '../api.js';
import { errorBox, h, replace, seg } from '../dom.js';
import { badge, count, summary, worst } from '../health.js';
import { memberRole, memberStatus } from './members.js';

export function nodesPage(main, params, view) {
  const data = { nodes: null, checks: [], members: [], error: null };
  const body = h('div', { id: 'nodes-body' });
  replace(main, h('h1', {}, 'Nodes'), body);

  async function refreshMembers() {
    try {
      data.members = (await get('/v1/agent/members', { signal: view.signal })) || [];
    } catch (err) {
      if (!view.signal.aborted) data.error = err;
    }
    if (!view.signal.aborted) draw();
  }

  function draw() {
    if (data.nodes === null) {
      if (data.error) replace(body, errorBox(data.error, 'Could not load the nodes'));
      return;
    }
    if (data.nodes.length === 0) {
      replace(body, h('p', { class: 'empty' },
        'No nodes in the catalog yet. A node appears once its agent has joined and synced.'));
      return;
    }
    const rows = data.nodes.map((n) => {
      const checks = data.checks.filter((c) => c.Node === n.Node && c.ServiceID === '');
      const member = data.members.find((m) => m.Name === n.Node);
      return { node: n, checks, member, status: worst(checks) };
    });
    replace(body,
      data.error ? errorBox(data.error, 'Updates failed') : null,
      h('table', { class: 'list', id: 'nodes' },
        h('thead', {}, h('tr', {},
          ['Node', 'Address', 'Role', 'Member status', 'Node checks'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, rows.map((r) => h('tr', { 'data-node': r.node.Node, 'data-status': r.status },
          h('td', { 'data-label': 'Node' },
            h('a', { href: `/ui/nodes/${seg(r.node.Node)}` }, r.node.Node),
            r.node.Node === view.self.node ? h('span', { class: 'muted' }, ' (this agent)') : null),
          h('td', { 'data-label': 'Address' }, r.node.Address),
          h('td', { 'data-label': 'Role', class: 'role' }, memberRole(r.member)),
          h('td', { 'data-label': 'Member status', class: 'member-status' }, memberStatus(r.member)),
          h('td', { 'data-label': 'Node checks' }, badge(r.status), ' ', summary(count(r.checks))))))));
  }

  const failed = (err) => { data.error = err; draw(); };
  watch('/v1/catalog/nodes', (nodes) => {
    data.nodes = nodes || [];
    data.error = null;
    refreshMembers();
  }, failed, view.signal);
  watch('/v1/health/state/any', (checks) => {
    data.checks = checks || [];
    refreshMembers();
  }, failed, view.signal);
}
