import {
  addressToOffset,
  executableFormat,
  executableSections,
  sectionBytes,
  type ExecutableSection,
} from '../elf/executable-sections.js';

/** `\xff Go buildinf:`, the start of the build info blob the Go linker writes. */
export const BUILD_INFO_MAGIC = Buffer.from('\xff Go buildinf:', 'latin1');

const HEADER_SIZE = 32;
const FLAG_BIG_ENDIAN = 1;
const FLAG_VERSION_INLINE = 2;
const MAX_STRING = 16 * 1024 * 1024;

/** The raw build info of a Go binary: the toolchain version and the module info text. */
export interface RawBuildInfo {
  goVersion: string;
  modInfo: string;
}

/** What reading a file for Go build info gives: nothing (not Go), the info, or why it is broken. */
export type BuildInfoOutcome =
  { kind: 'go'; info: RawBuildInfo } | { kind: 'corrupt'; message: string } | undefined;

/** `truncated`: it ran into the end of the bytes it was given (more bytes could change it). */
class Corrupt extends Error {
  constructor(
    message: string,
    readonly truncated = false,
  ) {
    super(message);
  }
}

function varintString(buf: Buffer, at: number): { text: string; next: number } {
  let length = 0;
  let shift = 0;
  let pos = at;
  for (;;) {
    const byte = buf[pos++];
    if (byte === undefined || shift > 28) throw new Corrupt('truncated length varint', byte === undefined);
    length += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) break;
  }
  if (length > MAX_STRING || pos + length > buf.length)
    throw new Corrupt('string runs past the end of the file', length <= MAX_STRING);
  return { text: buf.toString('utf8', pos, pos + length), next: pos + length };
}

function readPointer(buf: Buffer, at: number, size: number, big: boolean): number {
  if (at < 0 || at + size > buf.length) throw new Corrupt('pointer runs past the end of the file');
  if (size === 4) return big ? buf.readUInt32BE(at) : buf.readUInt32LE(at);
  const v = big ? buf.readBigUInt64BE(at) : buf.readBigUInt64LE(at);
  if (v > BigInt(Number.MAX_SAFE_INTEGER)) throw new Corrupt('pointer out of range');
  return Number(v);
}

/** A Go string header (data pointer, length) at virtual address `address`, resolved to its text. */
function pointedString(
  buf: Buffer,
  sections: readonly ExecutableSection[],
  address: number,
  size: number,
  big: boolean,
): string {
  const header = addressToOffset(sections, address);
  if (header === undefined)
    throw new Corrupt(`string header address 0x${address.toString(16)} is not in the file`);
  const data = readPointer(buf, header, size, big);
  const length = readPointer(buf, header + size, size, big);
  if (length === 0) return '';
  const offset = addressToOffset(sections, data);
  if (offset === undefined || length > MAX_STRING || offset + length > buf.length)
    throw new Corrupt('string data is not in the file');
  return buf.toString('utf8', offset, offset + length);
}

/** The module info is framed by two 16-byte sentinels; the text is what lies between them. */
function stripSentinels(modInfo: string): string {
  if (modInfo.length >= 33 && modInfo.charCodeAt(modInfo.length - 17) === 0x0a) return modInfo.slice(16, -16);
  return modInfo;
}

function decodeAt(buf: Buffer, at: number, sections: () => readonly ExecutableSection[]): RawBuildInfo {
  if (at + HEADER_SIZE > buf.length) throw new Corrupt('build info header is truncated', true);
  const pointerSize = buf[at + 14] ?? 0;
  const flags = buf[at + 15] ?? 0;
  if (flags & FLAG_VERSION_INLINE) {
    const version = varintString(buf, at + HEADER_SIZE);
    const modInfo = varintString(buf, version.next);
    return { goVersion: version.text, modInfo: stripSentinels(modInfo.text) };
  }
  if (pointerSize !== 4 && pointerSize !== 8) throw new Corrupt(`bad pointer size ${pointerSize}`);
  const big = (flags & FLAG_BIG_ENDIAN) !== 0;
  const all = sections();
  if (all.length === 0) throw new Corrupt('no sections to resolve build info pointers');
  const versionAddress = readPointer(buf, at + 16, pointerSize, big);
  const modAddress = readPointer(buf, at + 16 + pointerSize, pointerSize, big);
  const goVersion = pointedString(buf, all, versionAddress, pointerSize, big);
  const modInfo = pointedString(buf, all, modAddress, pointerSize, big);
  return { goVersion, modInfo: stripSentinels(modInfo) };
}

/** Where the blob starts: in `.go.buildinfo` / `__go_buildinfo` when present, else wherever the magic is. */
function blobOffset(buf: Buffer, sections: readonly ExecutableSection[]): number {
  for (const name of ['.go.buildinfo', '__go_buildinfo']) {
    const bytes = sectionBytes(buf, sections, name);
    if (bytes && bytes.subarray(0, BUILD_INFO_MAGIC.length).equals(BUILD_INFO_MAGIC))
      return bytes.byteOffset - buf.byteOffset;
  }
  return buf.indexOf(BUILD_INFO_MAGIC);
}

/**
 * Reads the build info of a Go binary (ELF, PE or Mach-O): both the Go ≥ 1.18 layout (inline
 * varint-prefixed strings) and the older one (pointers to Go strings, resolved through the
 * sections). Undefined for anything that is not a Go binary; never throws.
 */
export function readBuildInfo(buf: Buffer): BuildInfoOutcome {
  const format = executableFormat(buf);
  if (!format) return undefined;
  let cached: ExecutableSection[] | undefined;
  const sections = (): ExecutableSection[] => (cached ??= executableSections(buf, format));
  const at =
    format === 'elf' || format === 'macho' ? blobOffset(buf, sections()) : buf.indexOf(BUILD_INFO_MAGIC);
  if (at < 0) return undefined;
  return outcomeAt(buf, at, sections).outcome;
}

/**
 * Decodes the blob at `at`; `truncated` when the decoding ran into the end of `buf` (it reads
 * forward from `at` only, except through `sections` for the old pointer layout).
 */
export function outcomeAt(
  buf: Buffer,
  at: number,
  sections: () => readonly ExecutableSection[],
): { outcome: BuildInfoOutcome; truncated: boolean } {
  try {
    const info = decodeAt(buf, at, sections);
    if (!/^(go[0-9]|devel )/.test(info.goVersion))
      return {
        outcome: {
          kind: 'corrupt',
          message: `unexpected Go version string ${JSON.stringify(info.goVersion.slice(0, 40))}`,
        },
        truncated: false,
      };
    return { outcome: { kind: 'go', info }, truncated: false };
  } catch (err) {
    if (err instanceof Corrupt)
      return {
        outcome: { kind: 'corrupt', message: `corrupt Go build info: ${err.message}` },
        truncated: err.truncated,
      };
    throw err;
  }
}
