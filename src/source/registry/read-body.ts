import type { Readable } from 'node:stream';
import { RegistryError } from '../../errors/index.js';

/** Reads a whole (small) response body, refusing more than `limit` bytes. */
export async function readBodyLimited(body: Readable, limit: number, what: string): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      const buf = chunk as Buffer;
      size += buf.length;
      if (size > limit) {
        body.destroy();
        throw new RegistryError('registry-response', `${what} is larger than ${limit} bytes`);
      }
      chunks.push(buf);
    }
  } catch (err) {
    if (err instanceof RegistryError) throw err;
    throw new RegistryError(
      'registry-unreachable',
      `${what}: the connection failed while reading (${(err as Error).message})`,
      {
        cause: err,
      },
    );
  }
  return Buffer.concat(chunks);
}
