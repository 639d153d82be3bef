import { createHash } from 'node:crypto';
import { stat } from 'node:fs/promises';
import { resolve } from 'node:path';
import { SourceNotFoundError } from '../../errors/index.js';
import type { OpenedImage, SourceOptions, TreeLayerHandle } from '../types.js';
import { walkRoot } from './walk.js';

export const DIR_MEDIA_TYPE = 'application/vnd.customs.directory';

/**
 * `dir:PATH`: a root filesystem on disk, seen as a one-layer image. Its digest is a sha256 of the
 * tree listing (paths, types, modes, owners, sizes, link targets), so an unchanged tree has an
 * unchanged digest.
 */
export async function openDir(spec: string, _options: SourceOptions): Promise<OpenedImage> {
  const root = resolve(spec);
  const info = await stat(root).catch(() => undefined);
  if (!info) throw new SourceNotFoundError(`dir: ${spec} does not exist`);
  if (!info.isDirectory()) throw new SourceNotFoundError(`dir: ${spec} is not a directory`);
  const hash = createHash('sha256');
  let size = 0;
  for await (const e of walkRoot(root)) {
    hash.update(`${e.path}\0${e.type}\0${e.mode}\0${e.uid}\0${e.gid}\0${e.size}\0${e.linkTarget ?? ''}\n`);
    size += e.size;
  }
  const layer: TreeLayerHandle = {
    kind: 'tree',
    descriptor: { index: 0, digest: 'sha256:' + hash.digest('hex'), mediaType: DIR_MEDIA_TYPE, size },
    entries: () => walkRoot(root),
  };
  return {
    source: { type: 'dir', reference: spec },
    config: {},
    layers: [layer],
    close: async () => undefined,
  };
}
