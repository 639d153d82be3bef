import { inflateSync } from 'node:zlib';
import type { HeadDecision } from '../../resolver/inspection.js';
import {
  executableFormat,
  executableSections,
  headLayout,
  sectionBytes,
} from '../elf/executable-sections.js';
import type { Crate, CrateOutcome } from './crate.js';

/** The section cargo-auditable adds: zlib-compressed JSON of the crates built into the binary. */
export const AUDITABLE_SECTION = '.dep-v0';
const MAX_JSON_BYTES = 8 * 1024 * 1024;
const NAME_BYTES = Buffer.from(AUDITABLE_SECTION, 'latin1');

function crateOf(raw: unknown, count: number, problems: string[], i: number): Crate | undefined {
  const p = (raw ?? {}) as Record<string, unknown>;
  if (typeof p.name !== 'string' || typeof p.version !== 'string') {
    problems.push(`package #${i + 1} has no name or version`);
    return undefined;
  }
  const deps = Array.isArray(p.dependencies) ? p.dependencies : [];
  const crate: Crate = {
    name: p.name,
    version: p.version,
    dependencies: deps.filter((d): d is number => Number.isInteger(d) && d >= 0 && d < count),
  };
  if (typeof p.source === 'string') crate.source = p.source;
  if (typeof p.kind === 'string') crate.kind = p.kind;
  if (p.root === true) crate.root = true;
  return crate;
}

/** Parses the decompressed JSON of a `.dep-v0` section. */
export function parseAuditableJson(text: string): CrateOutcome {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { kind: 'invalid', message: `cargo-auditable data is not JSON: ${(err as Error).message}` };
  }
  const list = (doc as { packages?: unknown } | null)?.packages;
  if (!Array.isArray(list)) return { kind: 'invalid', message: 'cargo-auditable data has no packages list' };
  const problems: string[] = [];
  const crates = list.flatMap((raw, i) => crateOf(raw, list.length, problems, i) ?? []);
  return { kind: 'crates', crates, problems };
}

/**
 * The crates a cargo-auditable binary records (ELF, PE or Mach-O), undefined when it has no
 * `.dep-v0` section; a section that does not inflate or parse is `invalid`. Never throws.
 */
export function readAuditableBinary(content: Buffer): CrateOutcome | undefined {
  const format = executableFormat(content);
  if (!format || content.indexOf(NAME_BYTES) < 0) return undefined;
  const section = sectionBytes(content, executableSections(content, format), AUDITABLE_SECTION);
  if (!section) return undefined;
  let json: Buffer;
  try {
    json = inflateSync(section, { maxOutputLength: MAX_JSON_BYTES });
  } catch (err) {
    return {
      kind: 'invalid',
      message: `cannot inflate the ${AUDITABLE_SECTION} section: ${(err as Error).message}`,
    };
  }
  return parseAuditableJson(json.toString('utf8'));
}

/**
 * readAuditableBinary decided from a big file's head: nothing for a file that is not an
 * executable or an ELF without sections (no section can be found), the whole content otherwise.
 */
export function auditableByHead(head: Buffer, size: number): HeadDecision {
  return headLayout(head, size) === 'random' ? 'whole' : { result: undefined };
}
