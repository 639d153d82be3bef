import { stat } from 'node:fs/promises';
import { SourceNotFoundError } from '../../errors/index.js';
import { DirectoryBlobStore } from '../oci-layout/blob-store.js';
import { openImageLayout } from '../oci-layout/open-layout.js';
import { splitPathAndTag } from '../source-spec.js';
import type { OpenedImage, SourceOptions } from '../types.js';

/** `oci-dir:PATH[:TAG]`: an OCI image layout directory (as umoci, skopeo and buildah write). */
export async function openOciDir(spec: string, options: SourceOptions): Promise<OpenedImage> {
  const { path, tag } = splitPathAndTag(spec);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SourceNotFoundError(`oci-dir: ${path} does not exist`);
  if (!info.isDirectory())
    throw new SourceNotFoundError(`oci-dir: ${path} is not a directory (for an archive use oci-archive:)`);
  return openImageLayout(new DirectoryBlobStore(path), tag, options, { type: 'oci-dir', reference: spec });
}
