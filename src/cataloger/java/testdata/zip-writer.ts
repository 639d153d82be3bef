import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/**
 * A minimal in-memory zip writer for the Java cataloger's tests (stored or deflated entries, no
 * zip64). `raw` entries come pre-compressed so tests can build bombs without holding the
 * inflated bytes, or headers that lie about sizes.
 */
export interface ZipSpec {
  name: string;
  content?: Buffer | string;
  /** Already deflated data with the sizes and crc to declare. */
  raw?: { data: Buffer; crc: number; size: number };
  /** Store instead of deflate. */
  store?: boolean;
}

function localHeader(name: Buffer, method: number, crc: number, csize: number, size: number): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(0x0800, 6);
  h.writeUInt16LE(method, 8);
  h.writeUInt32LE(crc >>> 0, 14);
  h.writeUInt32LE(csize, 18);
  h.writeUInt32LE(size, 22);
  h.writeUInt16LE(name.length, 26);
  return Buffer.concat([h, name]);
}

function centralHeader(
  name: Buffer,
  method: number,
  crc: number,
  csize: number,
  size: number,
  offset: number,
): Buffer {
  const h = Buffer.alloc(46);
  h.writeUInt32LE(0x02014b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(20, 6);
  h.writeUInt16LE(0x0800, 8);
  h.writeUInt16LE(method, 10);
  h.writeUInt32LE(crc >>> 0, 16);
  h.writeUInt32LE(csize, 20);
  h.writeUInt32LE(size, 24);
  h.writeUInt16LE(name.length, 28);
  h.writeUInt32LE(offset, 42);
  return Buffer.concat([h, name]);
}

export function zipOf(specs: ZipSpec[]): Buffer {
  const parts: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const spec of specs) {
    const name = Buffer.from(spec.name, 'utf8');
    let data: Buffer;
    let crc: number;
    let size: number;
    let method = 8;
    if (spec.raw) {
      ({ data, crc, size } = spec.raw);
    } else {
      const content = Buffer.isBuffer(spec.content) ? spec.content : Buffer.from(spec.content ?? '', 'utf8');
      crc = crc32(content);
      size = content.length;
      method = spec.store ? 0 : 8;
      data = spec.store ? content : deflateRawSync(content);
    }
    const header = localHeader(name, method, crc, data.length, size);
    central.push(centralHeader(name, method, crc, data.length, size, offset));
    parts.push(header, data);
    offset += header.length + data.length;
  }
  const cd = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(specs.length, 8);
  end.writeUInt16LE(specs.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...parts, cd, end]);
}

/** `size` zero bytes deflated chunk by chunk (never all in memory), ready for a `raw` entry. */
export async function deflatedZeros(size: number): Promise<{ data: Buffer; crc: number; size: number }> {
  const chunk = Buffer.alloc(Math.min(size, 16 * 1024 * 1024));
  const deflate = createDeflateRaw({ level: 9 });
  const out: Buffer[] = [];
  deflate.on('data', (d: Buffer) => out.push(d));
  const finished = new Promise<void>((resolve, reject) => {
    deflate.on('end', resolve);
    deflate.on('error', reject);
  });
  let crc = 0;
  for (let done = 0; done < size; done += chunk.length) {
    const piece = chunk.subarray(0, Math.min(chunk.length, size - done));
    crc = crc32(piece, crc);
    if (!deflate.write(piece)) await new Promise((resolve) => deflate.once('drain', resolve));
  }
  deflate.end();
  await finished;
  return { data: Buffer.concat(out), crc, size };
}
