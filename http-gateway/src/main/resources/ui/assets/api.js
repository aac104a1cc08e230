// The agent's HTTP API as the pages use it: plain requests, and watch(), one blocking-query
// loop per visible resource (consul-api.md §2.9). Reachability and "no leader" answers are
// reported on `connection` so the header banner can say so whatever page is open.

/** Fires 'reachable', 'unreachable' and 'noleader' (detail: the error). */
export const connection = new EventTarget();

const WAIT = '30s';
const MAX_BACKOFF_MS = 15000;

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status; // 0: the agent could not be reached
  }
  get noLeader() {
    return this.status === 500 && /no cluster leader/i.test(this.message);
  }
}

function report(err) {
  if (err.status === 0) connection.dispatchEvent(new CustomEvent('unreachable', { detail: err }));
  else if (err.noLeader) connection.dispatchEvent(new CustomEvent('noleader', { detail: err }));
}

async function send(method, path, { body, signal } = {}) {
  let res;
  try {
    res = await fetch(path, { method, body, signal, cache: 'no-store' });
  } catch (e) {
    if (signal && signal.aborted) throw e;
    const err = new ApiError(0, 'Cannot reach the agent at ' + location.host + '.');
    report(err);
    throw err;
  }
  connection.dispatchEvent(new Event('reachable'));
  if (!res.ok && res.status !== 404) {
    const text = (await res.text()).trim();
    const err = new ApiError(res.status, text || `${res.status} ${res.statusText}`);
    report(err);
    throw err;
  }
  return res;
}

async function json(res) {
  if (res.status === 404) return null;
  const text = await res.text();
  return text === '' ? null : JSON.parse(text);
}

/** GET a JSON answer; null for 404 (absent KV key). */
export async function get(path, opts) {
  return json(await send('GET', path, opts));
}

/** PUT or DELETE; answers the JSON body (true/false for KV) or null for an empty one. */
export async function write(method, path, body, opts = {}) {
  return json(await send(method, path, { ...opts, body }));
}

/** Adds query parameters to a path that may already have some ("?keys"). */
export function withQuery(path, params) {
  const q = new URLSearchParams(params).toString();
  if (!q) return path;
  return path + (path.includes('?') ? '&' : '?') + q;
}

function pause(ms, signal) {
  return new Promise((resolve) => {
    const t = setTimeout(resolve, ms);
    signal.addEventListener('abort', () => { clearTimeout(t); resolve(); }, { once: true });
  });
}

/**
 * Follows one resource: a first plain read, then blocking reads with the last X-Consul-Index,
 * until signal aborts (the view changed). onData(data) runs on the first answer and whenever
 * the index moved; onError(err) on a failure, after which the loop backs off (1 s doubling
 * to 15 s) and tries again. Index rules of §2.9.7: an index that went backwards restarts
 * with a plain read; 0 is never sent back.
 */
export function watch(path, onData, onError, signal) {
  (async () => {
    let index = null;
    let backoff = 1000;
    while (!signal.aborted) {
      try {
        const url = index === null ? path : withQuery(path, { index: String(index), wait: WAIT });
        const res = await send('GET', url, { signal });
        const header = res.headers.get('X-Consul-Index');
        const data = await json(res);
        if (signal.aborted) return;
        const next = header ? BigInt(header) : null;
        const changed = index === null || next === null || next !== index;
        if (changed) onData(data);
        if (next === null) {
          await pause(10000, signal); // not a blocking endpoint: a slow poll is all we can do
          index = null;
        } else {
          index = index !== null && next < index ? null : next === 0n ? 1n : next;
        }
        backoff = 1000;
      } catch (err) {
        if (signal.aborted) return;
        err.retrying = true;
        onError(err);
        await pause(backoff, signal);
        backoff = Math.min(backoff * 2, MAX_BACKOFF_MS);
      }
    }
  })();
}

/** Every key of a KV path, each segment encoded; '/' stays a separator. */
export function kvPath(key) {
  return '/v1/kv/' + key.split('/').map(encodeURIComponent).join('/');
}
