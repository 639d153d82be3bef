import { NS } from '../../namespaces.js';
import type { Item } from '../context.js';
import { findFiles } from './file-finder.js';
import { collected, collectionError, type Probe } from './types.js';

/** unix symlink: each symlink the object names, with the path it finally resolves to in the image. */
export const symlinkProbe: Probe = {
  name: 'symlink',
  ns: NS.ovalUnix,
  collect(context, object) {
    const files = findFiles(context, object);
    if (!Array.isArray(files)) return files;
    const items: Item[] = [];
    for (const file of files) {
      if (file.record.type !== 'symlink' || file.filepath === undefined) continue;
      const target = context.system.lookup(file.filepath, true);
      // A dangling link or a loop has no canonical path: OVAL reports such an item as an error.
      if (!target) return collectionError(`${file.filepath}: the link does not resolve`);
      items.push({ filepath: [file.filepath], canonical_path: [target.path] });
    }
    return collected(items);
  },
};
