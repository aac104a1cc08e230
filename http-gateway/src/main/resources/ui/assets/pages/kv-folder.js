// One KV folder: its keys and sub-folders (?keys&separator=/, followed live), a flat search
// of every key below it, a form to create a key or folder, and deleting the whole folder.
import { get, kvPath, watch, withQuery, write } from '../api.js';
import { errorBox, h, replace } from '../dom.js';
import { fromBase64, kvUrl, parentOf, utf8 } from '../kv-codec.js';
import { crumbs, messageArea, say } from './kv-parts.js';

export function folderView(main, prefix, view) {
  const list = h('div', { id: 'kv-list' }, h('p', { class: 'muted' }, 'Loading…'));
  const search = h('input', { id: 'kv-search', type: 'search', autocomplete: 'off',
    value: view.query.get('q') || '', placeholder: 'part of a key' });
  const results = h('div', { id: 'kv-results' });
  replace(main,
    crumbs(prefix),
    h('h1', {}, prefix === '' ? 'Key/Value' : prefix),
    h('div', { class: 'toolbar' },
      h('label', { for: 'kv-search' }, prefix === '' ? 'Search all keys' : 'Search keys in this folder'),
      search),
    results,
    list,
    createForm(prefix, view),
    prefix === '' ? null : deleteFolder(prefix, view));

  let timer = null;
  search.addEventListener('input', () => {
    clearTimeout(timer);
    timer = setTimeout(runSearch, 150);
  });

  async function runSearch() {
    const q = search.value.trim();
    const base = kvUrl(prefix);
    history.replaceState(null, '', q ? `${base}?q=${encodeURIComponent(q)}` : base);
    list.hidden = q !== '';
    if (!q) {
      replace(results);
      return;
    }
    try {
      const keys = (await get(withQuery(kvPath(prefix), { keys: '' }), { signal: view.signal })) || [];
      const hits = keys.filter((k) => k.toLowerCase().includes(q.toLowerCase()));
      replace(results, hits.length === 0
        ? h('p', { class: 'empty' }, `No key below ${prefix || 'the root'} contains “${q}”.`)
        : h('ul', { class: 'keys', id: 'kv-hits' }, hits.map((k) => h('li', {}, h('a', { href: kvUrl(k) }, k)))));
    } catch (err) {
      if (!view.signal.aborted) replace(results, errorBox(err, 'Search failed'));
    }
  }
  if (search.value) runSearch();

  watch(withQuery(kvPath(prefix), { keys: '', separator: '/' }), (keys) => {
    const entries = (keys || []).filter((k) => k !== prefix);
    if (entries.length === 0) {
      replace(list, h('div', { class: 'empty' },
        h('p', {}, prefix === '' ? 'The key/value store is empty.' : 'This folder is empty.',
          ' Create a key with the form below, or with the HTTP API:'),
        h('pre', { class: 'cmd' }, `curl -X PUT --data 'hello' ${location.origin}${kvPath(prefix + 'greeting')}`)));
      return;
    }
    replace(list, h('ul', { class: 'keys', id: 'kv-entries' }, entries.map((k) => {
      const folder = k.endsWith('/');
      return h('li', { class: folder ? 'folder' : 'key', 'data-key': k },
        h('span', { 'aria-hidden': 'true', class: 'icon' }, folder ? '▸' : '•'),
        h('a', { href: kvUrl(k) }, k.slice(prefix.length)),
        folder ? h('span', { class: 'muted' }, ' folder') : null);
    })));
  }, (err) => replace(list, errorBox(err, 'Could not list this folder')), view.signal);
}

function createForm(prefix, view) {
  const name = h('input', { id: 'kv-new-key', required: true, autocomplete: 'off', placeholder: 'name, or name/ for a folder' });
  const value = h('textarea', { id: 'kv-new-value', rows: '4', spellcheck: 'false' });
  const encoding = h('select', { id: 'kv-new-encoding' },
    h('option', { value: 'text' }, 'Text'), h('option', { value: 'base64' }, 'Base64 (binary)'));
  const message = messageArea('kv-create-message');
  const form = h('form', { id: 'kv-create', class: 'card form' },
    h('h2', {}, prefix === '' ? 'Create a key or folder' : `Create in ${prefix}`),
    h('label', { for: 'kv-new-key' }, 'Key ', h('span', { class: 'muted' }, `(under ${prefix || 'the root'}; end with / for a folder)`)),
    name,
    h('label', { for: 'kv-new-value' }, 'Value'), value,
    h('label', { for: 'kv-new-encoding' }, 'Value is'), encoding,
    h('div', { class: 'actions' }, h('button', { type: 'submit', id: 'kv-create-save' }, 'Create')),
    message);
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const rel = name.value.trim();
    if (!rel || rel.startsWith('/') || rel.includes('//')) {
      say(message, 'error', 'A key needs a name that does not start with / or hold //.');
      return;
    }
    const key = prefix + rel;
    const folder = key.endsWith('/');
    let body;
    try {
      body = folder ? new Uint8Array(0) : encoding.value === 'base64' ? fromBase64(value.value) : utf8(value.value);
    } catch (err) {
      say(message, 'error', err.message);
      return;
    }
    try {
      // cas=0: create only; an existing key is never overwritten from this form.
      const ok = await write('PUT', withQuery(kvPath(key), { cas: '0' }), body);
      if (ok === true) view.navigate(kvUrl(key));
      else say(message, 'error', `Not created: ${key} already exists. `, h('a', { href: kvUrl(key) }, 'Open it'), ' to edit it.');
    } catch (err) {
      say(message, 'error', `Not created: ${err.message}`);
    }
  });
  return form;
}

function deleteFolder(prefix, view) {
  const message = messageArea('kv-folder-message');
  const confirm = h('div', { class: 'confirm', hidden: true },
    h('p', {}, `Delete ${prefix} and every key below it? This cannot be undone.`),
    h('button', { type: 'button', class: 'danger', id: 'kv-delete-folder-confirm', onclick: remove }, 'Delete everything'),
    ' ',
    h('button', { type: 'button', onclick: () => { confirm.hidden = true; ask.focus(); } }, 'Cancel'));
  const ask = h('button', { type: 'button', class: 'danger', id: 'kv-delete-folder',
    onclick: () => { confirm.hidden = false; confirm.querySelector('button').focus(); } }, 'Delete folder…');
  async function remove() {
    try {
      await write('DELETE', withQuery(kvPath(prefix), { recurse: '' }));
      view.navigate(kvUrl(parentOf(prefix)));
    } catch (err) {
      say(message, 'error', `Not deleted: ${err.message}`);
    }
  }
  return h('section', { class: 'card danger-zone' }, h('h2', {}, 'Delete this folder'), ask, confirm, message);
}
