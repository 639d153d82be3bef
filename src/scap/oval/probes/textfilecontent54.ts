import { NS } from '../../namespaces.js';
import type { Item } from '../context.js';
import { matchValue, readEntity } from '../entity.js';
import { objectEntities } from '../object-entities.js';
import { compilePcre } from '../pcre.js';
import { findFiles } from './file-finder.js';
import { collected, collectionError, entityFailure, type Probe } from './types.js';

/** A file's text as the probe matches it: bytes read as Latin-1 would lose UTF-8, so UTF-8. */
function textOf(content: Buffer): string {
  return content.toString('utf8');
}

/**
 * textfilecontent54: every match of `pattern` in each file (multiline by default, so `^`/`$`
 * match at line ends; `singleline` lets `.` match a newline), numbered by `instance` from 1,
 * with the match as `text` and its groups as `subexpression`s. Symlinks are followed to the file
 * they name (inside the image); files that are not regular are skipped.
 */
export const textfilecontent54Probe: Probe = {
  name: 'textfilecontent54',
  ns: NS.ovalInd,
  collect(context, object) {
    const entities = objectEntities(object);
    const patternEl = entities.find((e) => e.name === 'pattern');
    const instanceEl = entities.find((e) => e.name === 'instance');
    if (!patternEl || !instanceEl)
      return collectionError('textfilecontent54_object needs pattern and instance');
    const pattern = readEntity(context, patternEl);
    const instance = readEntity(context, instanceEl);
    if (pattern.error !== undefined) return entityFailure(pattern);
    if (instance.error !== undefined) return entityFailure(instance);
    if (pattern.operation !== 'pattern match')
      return collectionError('textfilecontent54 pattern must be a pattern match');
    const behaviors = object.children.find((c) => c.name === 'behaviors')?.attrs ?? {};
    const multiline = (behaviors.multiline ?? 'true') === 'true';
    const dotAll = behaviors.singleline === 'true';
    const ignoreCase = behaviors.ignore_case === 'true';
    const files = findFiles(context, object);
    if (!Array.isArray(files)) return files;
    const items: Item[] = [];
    for (const file of files) {
      const target =
        file.record.type === 'symlink'
          ? context.system.lookup(file.filepath ?? file.path, true)
          : file.record;
      if (!target || (target.type !== 'file' && target.type !== 'hardlink')) continue;
      const content = context.system.content(target);
      if (content === undefined) {
        const problem = context.system.contentProblem(target);
        if (problem) return collectionError(`${file.filepath}: ${problem}`);
        continue;
      }
      const text = textOf(content);
      for (const source of pattern.values) {
        let regex: RegExp;
        try {
          regex = compilePcre(ignoreCase ? `(?i)${source}` : source, { multiline, dotAll, global: true });
        } catch {
          return collectionError(`pattern does not compile: ${source}`);
        }
        let n = 0;
        for (const m of text.matchAll(regex)) {
          n++;
          if (matchValue(instance, String(n)) !== 'true') continue;
          const item: Item = {
            filepath: [file.filepath ?? file.path],
            path: [file.path],
            filename: file.filename !== undefined ? [file.filename] : [],
            pattern: [source],
            instance: [String(n)],
            text: [m[0]],
            subexpression: m.slice(1).map((g) => g ?? ''),
          };
          items.push(item);
        }
      }
    }
    return collected(items);
  },
};
