/** The executable container formats whose sections we can read. */
export type ExecutableFormat = 'elf' | 'pe' | 'macho';

/** One section of an executable: where its bytes are in the file and where they load in memory. */
export interface ExecutableSection {
  name: string;
  /** File offset of the section's bytes (0 with `size` 0 for sections that take no file space). */
  offset: number;
  /** Bytes the section occupies in the file. */
  size: number;
  /** Virtual address the section is loaded at. */
  address: number;
}

const MACHO_MAGICS = new Set([0xfeedface, 0xfeedfacf, 0xcefaedfe, 0xcffaedfe]);

/** The container format of `buf` from its magic bytes, or undefined for anything else. */
export function executableFormat(buf: Buffer): ExecutableFormat | undefined {
  if (buf.length < 64) return undefined;
  if (buf[0] === 0x7f && buf[1] === 0x45 && buf[2] === 0x4c && buf[3] === 0x46) return 'elf';
  if (buf[0] === 0x4d && buf[1] === 0x5a) {
    const peOffset = buf.readUInt32LE(0x3c);
    if (peOffset + 4 <= buf.length && buf.readUInt32BE(peOffset) === 0x50450000) return 'pe';
    return undefined;
  }
  return MACHO_MAGICS.has(buf.readUInt32BE(0)) ? 'macho' : undefined;
}

/** A bounds-checked reader of little- or big-endian integers (out of range reads give -1). */
class Reader {
  constructor(
    readonly buf: Buffer,
    readonly little: boolean,
  ) {}
  u16(at: number): number {
    if (at < 0 || at + 2 > this.buf.length) return -1;
    return this.little ? this.buf.readUInt16LE(at) : this.buf.readUInt16BE(at);
  }
  u32(at: number): number {
    if (at < 0 || at + 4 > this.buf.length) return -1;
    return this.little ? this.buf.readUInt32LE(at) : this.buf.readUInt32BE(at);
  }
  u64(at: number): number {
    if (at < 0 || at + 8 > this.buf.length) return -1;
    const v = this.little ? this.buf.readBigUInt64LE(at) : this.buf.readBigUInt64BE(at);
    return v > BigInt(Number.MAX_SAFE_INTEGER) ? -1 : Number(v);
  }
  cstring(at: number, max: number): string {
    if (at < 0 || at >= this.buf.length) return '';
    const end = Math.min(this.buf.length, at + max);
    const nul = this.buf.indexOf(0, at);
    return this.buf.toString('latin1', at, nul >= 0 && nul < end ? nul : end);
  }
}

const MAX_SECTIONS = 4096;

interface ElfTable {
  shoff: number;
  shentsize: number;
  shnum: number;
  shstrndx: number;
}

/**
 * Where an ELF header (the first 64 bytes of `buf`) says the section header table is, in a file
 * of `size` bytes; undefined when the header makes no sense or the table runs past the end.
 */
function elfTable(buf: Buffer, size: number): ElfTable | undefined {
  const is64 = buf[4] === 2;
  const r = new Reader(buf, buf[5] !== 2);
  const shoff = is64 ? r.u64(0x28) : r.u32(0x20);
  const shentsize = r.u16(is64 ? 0x3a : 0x2e);
  const shnum = r.u16(is64 ? 0x3c : 0x30);
  const shstrndx = r.u16(is64 ? 0x3e : 0x32);
  if (shoff <= 0 || shentsize < (is64 ? 0x40 : 0x28) || shnum <= 0 || shnum > MAX_SECTIONS) return undefined;
  if (shoff + shnum * shentsize > size) return undefined;
  return { shoff, shentsize, shnum, shstrndx };
}

/**
 * What the first bytes of a `size`-byte file (at least 64 of them) say about reading it as an
 * executable: `none` (executableFormat of the whole file is undefined), `no-sections` (an ELF
 * whose section list is empty, so that only the format and forward scans matter), or `random`
 * (its sections and what they point at may be anywhere: the whole content is needed).
 */
export function headLayout(head: Buffer, size: number): 'none' | 'no-sections' | 'random' {
  if (head.length < 64) return size < 64 ? 'none' : 'random';
  if (head[0] === 0x7f && head[1] === 0x45 && head[2] === 0x4c && head[3] === 0x46)
    return elfTable(head, size) ? 'random' : 'no-sections';
  if (head[0] === 0x4d && head[1] === 0x5a) {
    const peOffset = head.readUInt32LE(0x3c);
    if (peOffset + 4 > size) return 'none';
    if (peOffset + 4 > head.length) return 'random';
    return head.readUInt32BE(peOffset) === 0x50450000 ? 'random' : 'none';
  }
  return MACHO_MAGICS.has(head.readUInt32BE(0)) ? 'random' : 'none';
}

function elfSections(buf: Buffer): ExecutableSection[] {
  const is64 = buf[4] === 2;
  const r = new Reader(buf, buf[5] !== 2);
  const table = elfTable(buf, buf.length);
  if (!table) return [];
  const { shoff, shentsize, shnum, shstrndx } = table;
  const raw = [];
  for (let i = 0; i < shnum; i++) {
    const at = shoff + i * shentsize;
    const type = r.u32(at + 4);
    raw.push({
      nameOffset: r.u32(at),
      address: is64 ? r.u64(at + 0x10) : r.u32(at + 0x0c),
      offset: is64 ? r.u64(at + 0x18) : r.u32(at + 0x10),
      size: type === 8 ? 0 : is64 ? r.u64(at + 0x20) : r.u32(at + 0x14),
    });
  }
  const names = raw[shstrndx];
  return raw.map((s) => ({
    name: names ? r.cstring(names.offset + s.nameOffset, 256) : '',
    offset: s.offset,
    size: s.size,
    address: s.address,
  }));
}

function peSections(buf: Buffer): ExecutableSection[] {
  const r = new Reader(buf, true);
  const pe = r.u32(0x3c);
  const count = r.u16(pe + 6);
  const optionalSize = r.u16(pe + 20);
  const optional = pe + 24;
  const magic = r.u16(optional);
  const imageBase = magic === 0x20b ? r.u64(optional + 24) : r.u32(optional + 28);
  const table = optional + optionalSize;
  if (count <= 0 || count > MAX_SECTIONS || imageBase < 0) return [];
  const out: ExecutableSection[] = [];
  for (let i = 0; i < count; i++) {
    const at = table + i * 40;
    if (at + 40 > buf.length) break;
    out.push({
      name: r.cstring(at, 8),
      address: imageBase + r.u32(at + 12),
      size: r.u32(at + 16),
      offset: r.u32(at + 20),
    });
  }
  return out;
}

function machoSections(buf: Buffer): ExecutableSection[] {
  const magic = buf.readUInt32BE(0);
  const r = new Reader(buf, magic === 0xcefaedfe || magic === 0xcffaedfe);
  const is64 = magic === 0xfeedfacf || magic === 0xcffaedfe;
  const ncmds = r.u32(16);
  let at = is64 ? 32 : 28;
  const out: ExecutableSection[] = [];
  for (let i = 0; i < ncmds && i < MAX_SECTIONS; i++) {
    const cmd = r.u32(at);
    const size = r.u32(at + 4);
    if (cmd < 0 || size < 8) break;
    if (cmd === (is64 ? 0x19 : 0x1)) {
      const nsects = r.u32(at + (is64 ? 64 : 48));
      let s = at + (is64 ? 72 : 56);
      for (let k = 0; k < nsects && k < MAX_SECTIONS; k++, s += is64 ? 80 : 68) {
        out.push({
          name: r.cstring(s, 16),
          address: is64 ? r.u64(s + 32) : r.u32(s + 32),
          size: is64 ? r.u64(s + 40) : r.u32(s + 36),
          offset: r.u32(s + (is64 ? 48 : 40)),
        });
      }
    }
    at += size;
  }
  return out;
}

/** The sections of an ELF, PE or Mach-O file; an empty list when the headers do not make sense. */
export function executableSections(buf: Buffer, format = executableFormat(buf)): ExecutableSection[] {
  const all =
    format === 'elf'
      ? elfSections(buf)
      : format === 'pe'
        ? peSections(buf)
        : format === 'macho'
          ? machoSections(buf)
          : [];
  return all.filter((s) => s.offset >= 0 && s.size >= 0 && s.address >= 0);
}

/** The bytes of the first section called `name`, or undefined when it is absent or out of bounds. */
export function sectionBytes(
  buf: Buffer,
  sections: readonly ExecutableSection[],
  name: string,
): Buffer | undefined {
  const section = sections.find((s) => s.name === name);
  if (!section || section.offset + section.size > buf.length) return undefined;
  return buf.subarray(section.offset, section.offset + section.size);
}

/** The file offset a virtual address maps to, through the section that contains it. */
export function addressToOffset(sections: readonly ExecutableSection[], address: number): number | undefined {
  for (const s of sections) {
    if (s.size > 0 && address >= s.address && address < s.address + s.size)
      return s.offset + (address - s.address);
  }
  return undefined;
}
