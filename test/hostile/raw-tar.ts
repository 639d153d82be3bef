// Tar headers written byte by byte, for archives no well-behaved writer makes: names that are not
// UTF-8, device nodes, GNU sparse entries claiming terabytes, PAX records with huge values,
// duplicate entries, headers that lie about sizes.
const BLOCK = 512;

export interface RawEntry {
  /** Raw name bytes (may be invalid UTF-8); a string is written as UTF-8. */
  name: Buffer | string;
  /** '0' file, '2' symlink, '3' char device, '4' block device, '5' dir, 'x' PAX, 'S' GNU sparse. */
  type?: string;
  content?: Buffer | string;
  /** The size field, when it must differ from the content's length. */
  declaredSize?: number;
  linkname?: string;
  mode?: number;
  devmajor?: number;
  devminor?: number;
  /** Raw bytes for the 12-byte GNU sparse real-size field at offset 483 (type 'S'). */
  gnuRealSize?: number;
}

function octal(value: number, width: number): string {
  return value.toString(8).padStart(width - 1, '0') + '\0';
}

/** A 12-byte numeric field: octal when it fits, else GNU base-256 (high bit set). */
function numeric(header: Buffer, offset: number, value: number): void {
  if (value < 8 ** 11) {
    header.write(octal(value, 12), offset, 'latin1');
    return;
  }
  header[offset] = 0x80;
  let rest = BigInt(value);
  for (let i = 11; i >= 1; i--) {
    header[offset + i] = Number(rest & 0xffn);
    rest >>= 8n;
  }
}

export function rawHeader(entry: RawEntry, size: number): Buffer {
  const header = Buffer.alloc(BLOCK);
  const name = Buffer.isBuffer(entry.name) ? entry.name : Buffer.from(entry.name, 'utf8');
  name.copy(header, 0, 0, Math.min(100, name.length));
  header.write(octal(entry.mode ?? 0o644, 8), 100, 'latin1');
  header.write(octal(0, 8), 108, 'latin1');
  header.write(octal(0, 8), 116, 'latin1');
  numeric(header, 124, entry.declaredSize ?? size);
  header.write(octal(1_700_000_000, 12), 136, 'latin1');
  header.write(entry.type ?? '0', 156, 'latin1');
  if (entry.linkname) header.write(entry.linkname, 157, 'utf8');
  header.write('ustar\0', 257, 'latin1');
  header.write('00', 263, 'latin1');
  header.write(octal(entry.devmajor ?? 0, 8), 329, 'latin1');
  header.write(octal(entry.devminor ?? 0, 8), 337, 'latin1');
  if (entry.gnuRealSize !== undefined) {
    // GNU: magic "ustar  \0" and the real size of a sparse file at 483.
    header.write('ustar  \0', 257, 'latin1');
    numeric(header, 483, entry.gnuRealSize);
  }
  header.fill(0x20, 148, 156);
  let sum = 0;
  for (const byte of header) sum += byte;
  header.write(octal(sum, 7) + ' ', 148, 'latin1');
  return header;
}

/** The entries, each padded to a block, and the two zero blocks that end an archive. */
export function rawTar(entries: RawEntry[], options: { end?: boolean } = {}): Buffer {
  const parts: Buffer[] = [];
  for (const entry of entries) {
    const content = entry.content === undefined ? Buffer.alloc(0) : Buffer.from(entry.content);
    parts.push(rawHeader(entry, content.length), content);
    const pad = (BLOCK - (content.length % BLOCK)) % BLOCK;
    parts.push(Buffer.alloc(pad));
  }
  if (options.end !== false) parts.push(Buffer.alloc(BLOCK * 2));
  return Buffer.concat(parts);
}

/** A PAX extended header entry ('x') holding the records, for the entry after it. */
export function paxEntry(records: Record<string, string>): RawEntry {
  let body = '';
  for (const [key, value] of Object.entries(records)) {
    const rest = ` ${key}=${value}\n`;
    let length = rest.length + 1;
    while (String(length).length + rest.length !== length) length = String(length).length + rest.length;
    body += `${length}${rest}`;
  }
  return { name: 'PaxHeaders/x', type: 'x', content: body };
}
