// One service: each instance with its node, address:port, tags, meta and checks. Follows
// /v1/health/service/:name, and this agent's /v1/agent/checks for the newest output of its
// own checks and the removal time of critical ones (DeregisterCriticalServiceAt).
import { watch } from '../api.js';
import { errorBox, h, pairs, replace, seg, tags } from '../dom.js';
import { checkList, followAgentChecks } from '../checks.js';
import { badge, worst } from '../health.js';

export function servicePage(main, [name], view) {
  const body = h('div', { id: 'service-body' }, h('p', { class: 'muted' }, 'Loading…'));
  replace(main,
    h('p', { class: 'crumbs' }, h('a', { href: '/ui/services' }, 'Services'), ' / '),
    h('h1', {}, name),
    body);
  let entries = null;
  let agent = {};

  const refreshAgent = followAgentChecks(view.signal, (checks) => {
    agent = checks;
    draw(null);
  });
  watch(`/v1/health/service/${seg(name)}`, (list) => {
    entries = list || [];
    draw(null);
    refreshAgent();
  }, (err) => draw(err), view.signal);

  function draw(err) {
    if (entries === null) {
      if (err) replace(body, errorBox(err, `Could not load ${name}`));
      return;
    }
    if (entries.length === 0) {
      replace(body, err ? errorBox(err, 'Updates failed') : null,
        h('div', { class: 'empty' },
          h('p', {}, h('strong', {}, `No instances of ${name}.`),
            ' It may have been deregistered, or its name is spelt differently. '),
          h('p', {}, h('a', { href: '/ui/services' }, 'See all services'),
            ', or register an instance with PUT /v1/agent/service/register.')));
      return;
    }
    const sorted = [...entries].sort((a, b) => a.Node.Node.localeCompare(b.Node.Node)
      || a.Service.ID.localeCompare(b.Service.ID));
    replace(body,
      err ? errorBox(err, 'Updates failed') : null,
      h('p', { class: 'muted' }, `${entries.length} instance${entries.length === 1 ? '' : 's'}`),
      sorted.map((e) => instance(e)));
  }

  function instance(entry) {
    const s = entry.Service;
    const node = entry.Node;
    const address = `${s.Address || node.Address}:${s.Port || 0}`;
    const own = entry.Checks.filter((c) => c.ServiceID === s.ID);
    const nodeChecks = entry.Checks.filter((c) => c.ServiceID === '');
    const status = worst(entry.Checks);
    return h('section', { class: `card instance ${status}`, 'data-instance': s.ID, 'aria-label': `Instance ${s.ID}` },
      h('div', { class: 'card-head' },
        h('h2', {}, s.ID), badge(status)),
      h('dl', { class: 'pairs facts-inline' },
        h('div', {}, h('dt', {}, 'Node'), h('dd', {}, h('a', { href: `/ui/nodes/${seg(node.Node)}` }, node.Node))),
        h('div', {}, h('dt', {}, 'Address'), h('dd', { class: 'address' }, address)),
        h('div', {}, h('dt', {}, 'Tags'), h('dd', {}, tags(s.Tags)))),
      h('h3', {}, 'Meta'),
      pairs(s.Meta, 'No meta.'),
      h('h3', {}, 'Service checks'),
      checkList(own, agent, view.self.node, 'This instance has no checks of its own.'),
      h('h3', {}, 'Node checks'),
      checkList(nodeChecks, agent, view.self.node, 'Its node has no node-level checks.'));
  }
}
