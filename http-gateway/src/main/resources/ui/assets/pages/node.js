// One node: address, role, member status, meta, its services and every check. Follows
// /v1/catalog/node/:node (services) and /v1/health/node/:node (checks).
import { get, watch } from '../api.js';
import { errorBox, h, pairs, replace, seg, tags } from '../dom.js';
import { checkList, followAgentChecks } from '../checks.js';
import { badge, worst } from '../health.js';
import { memberRole, memberStatus } from './members.js';

export function nodePage(main, [name], view) {
  const data = { node: undefined, checks: null, member: null, agent: {}, error: null };
  const body = h('div', { id: 'node-body' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main,
    h('p', { class: 'crumbs' }, h('a', { href: '/ui/nodes' }, 'Nodes'), ' / '),
    h('h1', {}, name),
    body);

  async function refresh() {
    try {
      const members = (await get('/v1/agent/members', { signal: view.signal })) || [];
      data.member = members.find((m) => m.Name === name) || null;
    } catch (err) {
      if (!view.signal.aborted) data.error = err;
    }
    if (!view.signal.aborted) draw();
    refreshAgent();
  }

  function draw() {
    if (data.node === undefined) {
      if (data.error) replace(body, errorBox(data.error, `Could not load ${name}`));
      return;
    }
    if (data.node === null) {
      replace(body, h('div', { class: 'empty' },
        h('p', {}, h('strong', {}, `No node named ${name} in the catalog.`),
          ' It may have left the cluster. '),
        h('p', {}, h('a', { href: '/ui/nodes' }, 'See all nodes'), '.')));
      return;
    }
    const n = data.node.Node;
    const checks = data.checks || [];
    const services = Object.values(data.node.Services || {})
      .sort((a, b) => a.Service.localeCompare(b.Service) || a.ID.localeCompare(b.ID));
    const nodeChecks = checks.filter((c) => c.ServiceID === '');
    replace(body,
      data.error ? errorBox(data.error, 'Updates failed') : null,
      h('dl', { class: 'pairs facts-inline', id: 'node-facts' },
        fact('Address', n.Address), fact('Role', memberRole(data.member), 'role'),
        fact('Member status', memberStatus(data.member), 'member-status'),
        fact('Health', badge(worst(checks))), fact('Datacenter', n.Datacenter)),
      h('h2', {}, 'Node checks'),
      checkList(nodeChecks, data.agent, view.self.node, 'This node has no node-level checks.'),
      h('h2', {}, 'Services'),
      services.length === 0
        ? h('p', { class: 'empty' }, 'No services on this node. Register one with its agent.')
        : services.map((s) => service(s, checks.filter((c) => c.ServiceID === s.ID))),
      h('h2', {}, 'Meta'),
      pairs(n.Meta, 'No node meta.'));
  }

  function service(s, checks) {
    return h('section', { class: `card ${worst(checks)}`, 'data-instance': s.ID },
      h('div', { class: 'card-head' },
        h('h3', {}, h('a', { href: `/ui/services/${seg(s.Service)}` }, s.Service),
          s.ID !== s.Service ? h('span', { class: 'muted' }, ` (${s.ID})`) : null),
        badge(worst(checks))),
      h('p', {}, h('span', { class: 'label' }, 'Address '),
        h('span', { class: 'address' }, `${s.Address || data.node.Node.Address}:${s.Port || 0}`), ' ', tags(s.Tags)),
      checkList(checks, data.agent, view.self.node, 'No checks.'));
  }

  const refreshAgent = followAgentChecks(view.signal, (checks) => {
    data.agent = checks;
    draw();
  });
  const failed = (err) => { data.error = err; draw(); };
  watch(`/v1/catalog/node/${seg(name)}`, (node) => {
    data.node = node;
    data.error = null;
    refresh();
  }, failed, view.signal);
  watch(`/v1/health/node/${seg(name)}`, (checks) => {
    data.checks = checks || [];
    refresh();
  }, failed, view.signal);
}

function fact(label, value, cls) {
  return h('div', {}, h('dt', {}, label), h('dd', cls ? { class: cls } : {}, value));
}
