import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { OpenedImage, TarLayerHandle } from '../../src/source/types.js';

/** sha256 digest (`sha256:<hex>`) of everything a stream yields. */
export async function sha256OfStream(stream: Readable): Promise<string> {
  const hash = createHash('sha256');
  for await (const chunk of stream) hash.update(chunk as Buffer);
  return `sha256:${hash.digest('hex')}`;
}

export function tarLayers(image: OpenedImage): TarLayerHandle[] {
  return image.layers.map((l) => {
    if (l.kind !== 'tar') throw new Error('expected tar layers from a registry');
    return l;
  });
}

/** Error thrown by `fn`, for assertions on class, code and message. */
export async function caught(
  fn: () => Promise<unknown>,
): Promise<Error & { code?: string; status?: number }> {
  try {
    await fn();
  } catch (err) {
    return err as Error & { code?: string };
  }
  throw new Error('expected an error, got none');
}
