// The app shell: History API routing over /ui/..., the header (datacenter, this node,
// leader) and the banner for "no leader" and "agent unreachable". Each page is a function
// render(main, params, view) that starts its watches with view.signal; navigating away
// aborts that signal, which ends every blocking query of the old page.
import { connection, get } from './api.js';
import { errorBox, h, replace } from './dom.js';
import { kvPage } from './pages/kv.js';
import { nodePage } from './pages/node.js';
import { nodesPage } from './pages/nodes.js';
import { servicePage } from './pages/service.js';
import { servicesPage } from './pages/services.js';

const LEADER_POLL_MS = 5000;

const routes = [
  [/^\/ui\/services\/?$/, 'services', servicesPage],
  [/^\/ui\/services\/([^/]+)\/?$/, 'services', servicePage],
  [/^\/ui\/nodes\/?$/, 'nodes', nodesPage],
  [/^\/ui\/nodes\/([^/]+)\/?$/, 'nodes', nodePage],
  [/^\/ui\/kv(?:\/(.*))?$/, 'kv', kvPage],
];

const main = document.getElementById('main');
const self = { node: null, datacenter: null };
let current = null; // AbortController of the page on screen
let leaderTimer = null; // the next leader poll

function route() {
  if (current) current.abort();
  current = new AbortController();
  const path = location.pathname;
  if (path === '/ui/' || path === '/ui') {
    history.replaceState(null, '', '/ui/services');
    return route();
  }
  const view = { signal: current.signal, navigate, self, query: new URLSearchParams(location.search) };
  const found = routes.find(([re]) => re.test(path));
  for (const a of document.querySelectorAll('nav a')) {
    if (found && a.dataset.section === found[1]) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  if (!found) {
    replace(main, h('h1', {}, 'Page not found'),
      h('p', {}, 'Nothing lives at ', h('code', {}, path), '. ',
        h('a', { href: '/ui/services' }, 'Go to the services'), '.'));
    return;
  }
  const [re, , page] = found;
  const params = re.exec(path).slice(1).map((p) => (p === undefined ? '' : safeDecode(p)));
  replace(main, h('p', { class: 'muted' }, 'Loading…'));
  try {
    page(main, params, view);
  } catch (err) {
    replace(main, errorBox(err, 'This page failed'));
  }
}

function safeDecode(p) {
  try {
    return decodeURIComponent(p);
  } catch {
    return p;
  }
}

/** Goes to a URL of the app without reloading; focus moves to the new page's content. */
export function navigate(url, { replace: swap = false } = {}) {
  if (swap) history.replaceState(null, '', url);
  else history.pushState(null, '', url);
  route();
  main.focus({ preventScroll: true });
  window.scrollTo(0, 0);
}

// Plain links stay links (open in a new tab, copy, bookmark); a plain click on one of our
// own is handled here so the page does not reload.
document.addEventListener('click', (e) => {
  const a = e.target.closest('a[href]');
  if (!a || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
  const url = new URL(a.href, location.href);
  if (url.origin !== location.origin || !url.pathname.startsWith('/ui/') || a.target) return;
  if (url.pathname.startsWith('/ui/assets/')) return;
  e.preventDefault();
  navigate(url.pathname + url.search);
});
window.addEventListener('popstate', route);

// Leaving the document must end its blocking queries: a page kept in the back/forward cache
// would otherwise hold its connections, and a browser allows only six per host over HTTP/1.1,
// so a few pages visited within the wait time would starve the next page of connections.
window.addEventListener('pagehide', () => {
  if (current) current.abort();
  clearTimeout(leaderTimer);
});
window.addEventListener('pageshow', (e) => {
  if (e.persisted) {
    route();
    pollLeader();
  }
});

// ---- header and banner ----

const banner = document.getElementById('banner');
const state = { unreachable: false, noLeader: false };

function showBanner() {
  if (state.unreachable) {
    replace(banner, h('strong', {}, 'The agent cannot be reached. '),
      `Nothing answers at ${location.host}; the page keeps retrying and updates once it is back.`);
  } else if (state.noLeader) {
    replace(banner, h('strong', {}, 'No cluster leader. '),
      'Reads and writes that need a leader fail until the servers elect one; what is shown may be out of date.');
  }
  banner.hidden = !(state.unreachable || state.noLeader);
  banner.className = `banner ${state.unreachable ? 'down' : 'noleader'}`;
}

connection.addEventListener('unreachable', () => { state.unreachable = true; showBanner(); });
connection.addEventListener('reachable', () => {
  if (state.unreachable) { state.unreachable = false; showBanner(); }
});
connection.addEventListener('noleader', () => { state.noLeader = true; showBanner(); });

async function loadSelf() {
  try {
    const s = await get('/v1/agent/self');
    self.node = s.Config.NodeName;
    self.datacenter = s.Config.Datacenter;
    document.getElementById('fact-dc').textContent = self.datacenter;
    document.getElementById('fact-node').textContent = self.node;
    document.title = `registry · ${self.node}`;
  } catch {
    setTimeout(loadSelf, LEADER_POLL_MS);
  }
}

async function pollLeader() {
  try {
    const leader = await get('/v1/status/leader');
    state.noLeader = !leader;
    document.getElementById('fact-leader').textContent = leader || 'none';
  } catch {
    document.getElementById('fact-leader').textContent = 'unknown';
  }
  showBanner();
  clearTimeout(leaderTimer);
  leaderTimer = setTimeout(pollLeader, LEADER_POLL_MS);
}

document.getElementById('booting')?.remove();
loadSelf().then(route);
pollLeader();
