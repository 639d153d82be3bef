/** A section to put into a synthetic ELF file. */
export interface SyntheticSection {
  name: string;
  data: Buffer;
  /** Load address; default 0x400000 + file offset. */
  address?: number;
}

/**
 * Builds a minimal little-endian ELF64 file with the given sections and a section name table:
 * enough for the section readers, and for tests that need an ELF without a toolchain.
 */
export function syntheticElf(sections: readonly SyntheticSection[]): Buffer {
  const names = ['', ...sections.map((s) => s.name), '.shstrtab'];
  const nameOffsets: number[] = [];
  let strtab = '';
  for (const n of names) {
    nameOffsets.push(Buffer.byteLength(strtab));
    strtab += n + '\0';
  }
  const bodies = [...sections.map((s) => s.data), Buffer.from(strtab, 'latin1')];
  let offset = 64;
  const placed = bodies.map((data) => {
    const at = offset;
    offset += data.length + ((16 - (data.length % 16)) % 16);
    return at;
  });
  const shoff = offset;
  const count = names.length;
  const out = Buffer.alloc(shoff + count * 64);
  out.set([0x7f, 0x45, 0x4c, 0x46, 2, 1, 1], 0);
  out.writeUInt16LE(2, 16);
  out.writeUInt16LE(0x3e, 18);
  out.writeBigUInt64LE(BigInt(shoff), 0x28);
  out.writeUInt16LE(64, 0x34);
  out.writeUInt16LE(64, 0x3a);
  out.writeUInt16LE(count, 0x3c);
  out.writeUInt16LE(count - 1, 0x3e);
  bodies.forEach((data, i) => {
    const at = placed[i] ?? 0;
    data.copy(out, at);
    const header = shoff + (i + 1) * 64;
    const address = sections[i]?.address ?? 0x400000 + at;
    out.writeUInt32LE(nameOffsets[i + 1] ?? 0, header);
    out.writeUInt32LE(i === bodies.length - 1 ? 3 : 1, header + 4);
    out.writeBigUInt64LE(BigInt(i === bodies.length - 1 ? 0 : address), header + 0x10);
    out.writeBigUInt64LE(BigInt(at), header + 0x18);
    out.writeBigUInt64LE(BigInt(data.length), header + 0x20);
  });
  return out;
}
