// KV values travel as base64 (consul-api.md §2.3). A value is shown as text when it is valid
// UTF-8 without control characters other than tab and newlines; anything else is binary and
// is shown and edited as base64, so no byte is lost on a round trip.

export function toBase64(bytes) {
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(bin);
}

export function fromBase64(text) {
  const clean = text.replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(clean) || clean.length % 4 === 1) {
    throw new Error('This is not valid base64 (letters, digits, + and /, padded with =).');
  }
  const bin = atob(clean);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

const strict = new TextDecoder('utf-8', { fatal: true });

/** The text of bytes, or null when they are binary. */
export function asText(bytes) {
  let text;
  try {
    text = strict.decode(bytes);
  } catch {
    return null;
  }
  // eslint-disable-next-line no-control-regex
  return /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text) ? null : text;
}

/** A KVPair's Value (base64 or null) as {bytes, text}; text null for binary. */
export function decodeValue(value) {
  const bytes = value ? fromBase64(value) : new Uint8Array(0);
  return { bytes, text: asText(bytes) };
}

export function utf8(text) {
  return new TextEncoder().encode(text);
}

/** The UI URL of a key or folder; each segment encoded, '/' kept. */
export function kvUrl(key) {
  return '/ui/kv/' + key.split('/').map(encodeURIComponent).join('/');
}

/** The folder holding a key or folder: "a/b/c" and "a/b/c/" are both in "a/b/". */
export function parentOf(key) {
  const trimmed = key.endsWith('/') ? key.slice(0, -1) : key;
  const cut = trimmed.lastIndexOf('/');
  return cut < 0 ? '' : trimmed.slice(0, cut + 1);
}
