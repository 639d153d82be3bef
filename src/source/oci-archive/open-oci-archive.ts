import { stat } from 'node:fs/promises';
import { SourceNotFoundError } from '../../errors/index.js';
import { TarBlobStore } from '../oci-layout/blob-store.js';
import { openImageLayout } from '../oci-layout/open-layout.js';
import { splitPathAndTag } from '../source-spec.js';
import { TarIndex } from '../tar-archive/tar-index.js';
import type { OpenedImage, SourceOptions } from '../types.js';

/** `oci-archive:FILE[:TAG]`: an OCI image layout in a tar file, read in place. */
export async function openOciArchive(spec: string, options: SourceOptions): Promise<OpenedImage> {
  const { path, tag } = splitPathAndTag(spec);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SourceNotFoundError(`oci-archive: ${path} does not exist`);
  if (!info.isFile())
    throw new SourceNotFoundError(`oci-archive: ${path} is not a file (for a directory use oci-dir:)`);
  const index = await TarIndex.build(path);
  return openImageLayout(new TarBlobStore(index), tag, options, { type: 'oci-archive', reference: spec });
}
