// Services: every service name with its tags, instance count and health summary, failing
// first. Follows two blocking queries: /v1/catalog/services (names and tags; moves when an
// instance comes or goes, which is when instance counts are re-read) and
// /v1/health/state/any (every check; moves when any status or output changes).
import { get, watch } from '../api.js';
import { errorBox, h, replace, seg, tags } from '../dom.js';
import { badge, count, rank, summary, worst } from '../health.js';

export function servicesPage(main, params, view) {
  const data = { services: null, checks: null, instances: new Map(), error: null };
  const filter = h('input', {
    id: 'service-filter', type: 'search', value: view.query.get('filter') || '',
    placeholder: 'name or tag', autocomplete: 'off',
  });
  const body = h('div', { id: 'services-body' });
  replace(main,
    h('h1', {}, 'Services'),
    h('div', { class: 'toolbar' },
      h('label', { for: 'service-filter' }, 'Filter'), filter),
    body);

  filter.addEventListener('input', () => {
    const q = filter.value.trim();
    history.replaceState(null, '', q ? `/ui/services?filter=${encodeURIComponent(q)}` : '/ui/services');
    draw();
  });

  function draw() {
    if (data.error && data.services === null) {
      replace(body, errorBox(data.error, 'Could not load the services'));
      return;
    }
    if (data.services === null) return;
    const names = Object.keys(data.services);
    if (names.length === 0) {
      replace(body, emptyState());
      return;
    }
    const q = filter.value.trim().toLowerCase();
    const rows = names.map((name) => row(name, data.services[name] || []))
      .filter((r) => !q || r.name.toLowerCase().includes(q) || r.tags.some((t) => t.toLowerCase().includes(q)))
      .sort((a, b) => rank(a.status) - rank(b.status) || a.name.localeCompare(b.name));
    replace(body,
      data.error ? errorBox(data.error, 'Updates failed') : null,
      rows.length === 0
        ? h('p', { class: 'empty' }, `No service matches “${filter.value.trim()}”. Clear the filter to see all ${names.length}.`)
        : table(rows));
  }

  function row(name, serviceTags) {
    const instances = data.instances.get(name);
    const checks = instances && data.checks ? instances.flatMap((i) => checksOf(i)) : [];
    return {
      name, tags: serviceTags, instances, counts: count(checks),
      status: data.checks && instances ? worst(checks) : 'passing',
    };
  }

  function checksOf(instance) {
    return data.checks.filter((c) => c.Node === instance.Node
      && (c.ServiceID === '' || c.ServiceID === instance.ServiceID));
  }

  function table(rows) {
    return h('table', { class: 'list', id: 'services' },
      h('thead', {}, h('tr', {},
        h('th', { scope: 'col' }, 'Service'), h('th', { scope: 'col' }, 'Health'),
        h('th', { scope: 'col' }, 'Instances'), h('th', { scope: 'col' }, 'Tags'))),
      h('tbody', {}, rows.map((r) => h('tr', { 'data-service': r.name, 'data-status': r.status },
        h('td', { 'data-label': 'Service' }, h('a', { href: `/ui/services/${seg(r.name)}` }, r.name)),
        h('td', { 'data-label': 'Health' }, badge(r.status), ' ', summary(r.counts)),
        h('td', { 'data-label': 'Instances', class: 'instances' }, r.instances ? r.instances.length : '…'),
        h('td', { 'data-label': 'Tags' }, tags(r.tags))))));
  }

  async function loadInstances(names) {
    // One plain read per service when the set of instances may have changed; small
    // catalogs are the UI's case, and a failed read keeps the previous count.
    await Promise.all(names.map(async (name) => {
      try {
        const list = await get(`/v1/catalog/service/${seg(name)}`, { signal: view.signal });
        data.instances.set(name, list || []);
      } catch (err) {
        if (!view.signal.aborted) data.error = err;
      }
    }));
    if (!view.signal.aborted) draw();
  }

  watch('/v1/catalog/services', (services) => {
    data.services = services || {};
    data.error = null;
    draw();
    loadInstances(Object.keys(data.services));
  }, (err) => { data.error = err; draw(); }, view.signal);

  watch('/v1/health/state/any', (checks) => {
    data.checks = checks || [];
    draw();
  }, (err) => { data.error = err; draw(); }, view.signal);
}

function emptyState() {
  const origin = location.origin;
  return h('div', { class: 'empty' },
    h('p', {}, h('strong', {}, 'No services yet.'), ' Register one with the HTTP API:'),
    h('pre', { class: 'cmd' },
      `curl -X PUT --data '{"Name": "web", "Port": 8080}' ${origin}/v1/agent/service/register`),
    h('p', {}, 'or put a service definition in a file of the agent\'s -config-dir and run ',
      h('code', {}, 'registry reload'), '.'));
}
