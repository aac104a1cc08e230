// Key/Value: /ui/kv/ and /ui/kv/<folder>/ list a folder; /ui/kv/<key> opens one key.
import { folderView } from './kv-folder.js';
import { keyView } from './kv-key.js';

export function kvPage(main, [rest], view) {
  if (rest === '' || rest.endsWith('/')) folderView(main, rest, view);
  else keyView(main, rest, view);
}
