import { baseName, parentOf } from '../../../image-path/path.js';
import type { FileRecord } from '../../../resolver/file-view.js';
import { isNil, type XmlNode } from '../../../xml/xml-reader.js';
import type { Collected, OvalContext } from '../context.js';
import { collectionError, entityFailure } from './types.js';
import { exactValues, matchValue, readEntity, type Entity } from '../entity.js';
import { objectEntities } from '../object-entities.js';

/** A file (or, with a nil filename, a directory) an object names. */
export interface FoundFile {
  /** Absent for a directory found by path with a nil filename. */
  filepath?: string;
  path: string;
  filename?: string;
  record: FileRecord;
}

const MAX_DIRS = 200_000;

function join(dir: string, name: string): string {
  return dir === '/' ? `/${name}` : `${dir}/${name}`;
}

/** The values an entity can match among `candidates`: its exact values, or a scan. */
function matching(entity: Entity, candidates: () => readonly string[]): string[] {
  return exactValues(entity) ?? candidates().filter((c) => matchValue(entity, c) === 'true');
}

interface Behaviors {
  maxDepth: number;
  direction: string;
  followSymlinks: boolean;
  followDirectories: boolean;
}

function readBehaviors(object: XmlNode): Behaviors {
  const b = object.children.find((c) => c.name === 'behaviors')?.attrs ?? {};
  const recurse = b.recurse ?? 'symlinks and directories';
  return {
    maxDepth: Number(b.max_depth ?? '-1'),
    direction: b.recurse_direction ?? 'none',
    followSymlinks: recurse.includes('symlinks'),
    followDirectories: recurse.includes('directories'),
  };
}

/** The directories from `start` down as the behaviors say (itself first). */
function expandDown(context: OvalContext, start: string, behaviors: Behaviors): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const queue: [string, number][] = [[start, 0]];
  for (let next = 0; next < queue.length && out.length < MAX_DIRS; next++) {
    const [dir, depth] = queue[next]!;
    const real = context.system.lookup(dir, true);
    if (!real || real.type !== 'dir' || seen.has(real.path)) continue;
    seen.add(real.path);
    out.push(dir);
    if (behaviors.direction !== 'down') continue;
    if (behaviors.maxDepth >= 0 && depth >= behaviors.maxDepth) continue;
    for (const name of context.system.list(dir) ?? []) {
      const child = join(dir, name);
      const record = context.system.lookup(child, false);
      if (!record) continue;
      if (record.type === 'dir' && behaviors.followDirectories) queue.push([child, depth + 1]);
      else if (record.type === 'symlink' && behaviors.followSymlinks) queue.push([child, depth + 1]);
    }
  }
  return out;
}

/**
 * The files a file-based object (file, textfilecontent54, symlink) names by `filepath`, or by
 * `path` and `filename` with its recursion behaviors. Files are looked up without following a
 * symlink in the last component (the probe decides); directories are entered through symlinks
 * only where the behaviors allow. Returns the object's failed collection when an entity's variable
 * gives no value.
 */
export function findFiles(context: OvalContext, object: XmlNode): FoundFile[] | Collected {
  const entities = objectEntities(object);
  const byName = (name: string): XmlNode | undefined => entities.find((e) => e.name === name);
  const system = context.system;
  const filepathEl = byName('filepath');
  if (filepathEl) {
    const entity = readEntity(context, filepathEl);
    if (entity.error !== undefined) return entityFailure(entity);
    const exact = exactValues(entity);
    const out: FoundFile[] = [];
    for (const filepath of matching(entity, () => system.paths())) {
      const record = system.lookup(filepath, false);
      if (!record || (exact === undefined && record.type === 'dir')) continue;
      out.push({ filepath, path: parentOf(filepath), filename: baseName(filepath), record });
    }
    return out;
  }
  const pathEl = byName('path');
  const filenameEl = byName('filename');
  if (!pathEl) return collectionError('object names neither a filepath nor a path');
  const pathEntity = readEntity(context, pathEl);
  if (pathEntity.error !== undefined) return entityFailure(pathEntity);
  const behaviors = readBehaviors(object);
  const starts = matching(pathEntity, () =>
    system.paths().filter((p) => system.lookup(p, false)?.type === 'dir'),
  );
  const dirs = new Set<string>();
  for (const start of starts) for (const dir of expandDown(context, start, behaviors)) dirs.add(dir);
  const out: FoundFile[] = [];
  if (!filenameEl || isNil(filenameEl)) {
    for (const dir of dirs) out.push({ path: dir, record: system.lookup(dir, true)! });
    return out;
  }
  const filenameEntity = readEntity(context, filenameEl);
  if (filenameEntity.error !== undefined) return entityFailure(filenameEntity);
  for (const dir of dirs) {
    for (const filename of matching(filenameEntity, () => system.list(dir) ?? [])) {
      const filepath = join(dir, filename);
      const record = system.lookup(filepath, false);
      if (!record || record.type === 'dir') continue;
      out.push({ filepath, path: dir, filename, record });
    }
  }
  return out;
}
