// One KV key: its value (text, or base64 when binary), flags and indexes, an editor that
// saves with ?cas=<ModifyIndex it was loaded at>, and delete with the same guard. The key is
// followed live; while the editor holds unsaved changes a newer version is announced but
// never swapped in, so a concurrent change makes the save fail loudly instead of being lost.
import { get, kvPath, watch, withQuery, write } from '../api.js';
import { errorBox, h, replace } from '../dom.js';
import { asText, decodeValue, fromBase64, kvUrl, parentOf, toBase64, utf8 } from '../kv-codec.js';
import { crumbs, messageArea, say } from './kv-parts.js';

export function keyView(main, key, view) {
  const meta = h('dl', { class: 'pairs facts-inline', id: 'kv-meta' });
  const value = h('textarea', { id: 'kv-value', rows: '10', spellcheck: 'false', 'aria-describedby': 'kv-kind' });
  const encoding = h('select', { id: 'kv-encoding' },
    h('option', { value: 'text' }, 'Text'), h('option', { value: 'base64' }, 'Base64 (binary)'));
  const kind = h('p', { id: 'kv-kind', class: 'muted' });
  const message = messageArea('kv-message');
  const save = h('button', { type: 'submit', id: 'kv-save' }, 'Save');
  const form = h('form', { id: 'kv-edit', class: 'card form' },
    h('label', { for: 'kv-value' }, 'Value'), value, kind,
    h('label', { for: 'kv-encoding' }, 'Edit as'), encoding,
    h('div', { class: 'actions' }, save, ' ', deleteButton()),
    message);
  const status = h('div', { id: 'kv-status' });
  replace(main, crumbs(key), h('h1', { class: 'key-name' }, key), status, meta, form);
  form.hidden = true;

  // What the editor was loaded from: the CAS base of save and delete.
  let base = null;
  let dirty = false;
  value.addEventListener('input', () => { dirty = true; });

  function load(pair) {
    base = { modifyIndex: pair.ModifyIndex, flags: pair.Flags || 0 };
    const { bytes, text } = decodeValue(pair.Value);
    const binary = text === null;
    encoding.value = binary ? 'base64' : 'text';
    value.value = binary ? toBase64(bytes) : text;
    replace(kind, binary ? 'Binary value: shown and edited as base64.' : `Text, ${bytes.length} bytes.`);
    kind.dataset.kind = binary ? 'binary' : 'text';
    dirty = false;
    replace(meta,
      fact('Flags', String(pair.Flags || 0), 'kv-flags'),
      fact('Modify index', String(pair.ModifyIndex), 'kv-modify-index'),
      fact('Create index', String(pair.CreateIndex)),
      fact('Lock index', String(pair.LockIndex || 0)),
      pair.Session ? fact('Locked by session', pair.Session) : null,
      fact('Size', `${bytes.length} bytes`));
    form.hidden = false;
  }

  encoding.addEventListener('change', () => {
    try {
      if (encoding.value === 'base64') {
        value.value = toBase64(utf8(value.value));
      } else {
        const text = asText(fromBase64(value.value));
        if (text === null) throw new Error('These bytes are binary; they can only be edited as base64.');
        value.value = text;
      }
      say(message, 'info', '');
    } catch (err) {
      encoding.value = encoding.value === 'base64' ? 'text' : 'base64';
      say(message, 'error', err.message);
    }
  });

  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    let body;
    try {
      body = encoding.value === 'base64' ? fromBase64(value.value) : utf8(value.value);
    } catch (err) {
      say(message, 'error', err.message);
      return;
    }
    const url = withQuery(kvPath(key), { cas: String(base.modifyIndex), flags: String(base.flags) });
    try {
      const ok = await write('PUT', url, body);
      if (ok !== true) {
        conflict('Not saved');
        return;
      }
      // Read back at once, so a second save does not race the live update of the base.
      const fresh = await get(kvPath(key));
      if (fresh) load(fresh[0]);
      say(message, 'ok', `Saved at index ${base.modifyIndex}.`);
    } catch (err) {
      say(message, 'error', `Not saved: ${err.message}`);
    }
  });

  function conflict(what) {
    say(message, 'error', h('strong', {}, `${what}: someone else changed this key after you loaded it.`),
      ' Your text is still in the box. ',
      h('button', { type: 'button', id: 'kv-reload', onclick: reload }, 'Load their version'),
      ' to compare; saving after that replaces it.');
  }

  async function reload() {
    try {
      const fresh = await get(kvPath(key));
      if (fresh) {
        load(fresh[0]);
        say(message, 'info', 'Loaded the current version.');
      } else {
        say(message, 'error', 'The key has been deleted meanwhile.');
      }
    } catch (err) {
      say(message, 'error', err.message);
    }
  }

  function deleteButton() {
    const confirm = h('span', { class: 'confirm', hidden: true },
      h('span', {}, ' Delete this key? '),
      h('button', { type: 'button', class: 'danger', id: 'kv-delete-confirm', onclick: remove }, 'Delete'),
      ' ',
      h('button', { type: 'button', onclick: () => { confirm.hidden = true; ask.focus(); } }, 'Cancel'));
    const ask = h('button', { type: 'button', class: 'danger', id: 'kv-delete',
      onclick: () => { confirm.hidden = false; confirm.querySelector('button').focus(); } }, 'Delete…');
    return h('span', {}, ask, confirm);
  }

  async function remove() {
    try {
      const ok = await write('DELETE', withQuery(kvPath(key), { cas: String(base.modifyIndex) }));
      if (ok === true) view.navigate(kvUrl(parentOf(key)));
      else conflict('Not deleted');
    } catch (err) {
      say(message, 'error', `Not deleted: ${err.message}`);
    }
  }

  watch(kvPath(key), (pairs) => {
    replace(status);
    if (!pairs) {
      replace(status, h('div', { class: base ? 'error' : 'empty', role: base ? 'alert' : null },
        base ? 'This key has been deleted. Saving will not recreate it; ' : `No key named ${key}. `,
        h('a', { href: kvUrl(parentOf(key)) }, 'Open its folder'), ' to create one.'));
      if (!base) replace(meta);
      return;
    }
    const pair = pairs[0];
    if (!base || !dirty) {
      load(pair);
    } else if (pair.ModifyIndex !== base.modifyIndex) {
      say(message, 'warn', `Someone else changed this key while you edit (now at index ${pair.ModifyIndex}). `,
        'Saving will be refused; ', h('button', { type: 'button', onclick: reload }, 'Load their version'), ' first.');
    }
  }, (err) => replace(status, errorBox(err, 'Could not load this key')), view.signal);
}

function fact(label, text, id) {
  return h('div', {}, h('dt', {}, label), h('dd', id ? { id } : {}, text));
}
