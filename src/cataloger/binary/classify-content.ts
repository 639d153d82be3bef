import { readBuildInfo } from '../golang/build-info-blob.js';
import { parseModInfo } from '../golang/mod-info.js';
import { stdlibVersion } from '../golang/purl.js';
import type { HeadDecision } from '../../resolver/inspection.js';
import { executableFormat, headLayout } from '../elf/executable-sections.js';
import { CLASSIFIERS, type Classifier } from './classifiers.js';

/** What a classifier found in a binary. */
export interface BinaryMatch {
  name: string;
  version: string;
}

/** A JVM binary: the version is read from the `release` file of its Java home, in catalog. */
export interface JvmBinary {
  jvm: true;
  javaHome: string;
}

const MAX_HITS = 64;
const WINDOW = 256;
const MAX_FULL_SCAN = 48 * 1024 * 1024;
const JVM_PATH = /^(.*)\/(?:bin\/java|lib\/server\/libjvm\.so|jre\/lib\/[^/]+\/server\/libjvm\.so)$/;
const GO_TOOL_PATH = /\/go$/;

function anchoredVersions(content: Buffer, c: Classifier & { anchor: string }): string[] {
  const out: string[] = [];
  const anchor = Buffer.from(c.anchor, 'latin1');
  for (
    let at = content.indexOf(anchor), n = 0;
    at >= 0 && n < MAX_HITS;
    at = content.indexOf(anchor, at + 1), n++
  ) {
    const m = c.pattern.exec(content.toString('latin1', at, Math.min(content.length, at + WINDOW)));
    if (m?.[1]) out.push(m[1]);
  }
  return out;
}

function scannedVersions(content: Buffer, c: Classifier): string[] {
  if (content.length > MAX_FULL_SCAN) return [];
  const text = content.toString('latin1');
  const re = new RegExp(
    c.pattern.source,
    c.pattern.flags.includes('g') ? c.pattern.flags : c.pattern.flags + 'g',
  );
  return [...text.matchAll(re)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/**
 * Classifies one executable or library by its path and content: the runtime and version it
 * is, a JVM whose version its Java home's `release` file holds, or undefined.
 */
export function classifyBinary(path: string, content: Buffer): BinaryMatch | JvmBinary | undefined {
  if (!executableFormat(content)) return undefined;
  const jvm = JVM_PATH.exec(path);
  if (jvm) return { jvm: true, javaHome: jvm[1] ?? '' };
  if (GO_TOOL_PATH.test(path)) {
    const info = readBuildInfo(content);
    if (info?.kind === 'go' && parseModInfo(info.info.modInfo).path === 'cmd/go')
      return { name: 'go', version: stdlibVersion(info.info.goVersion) };
  }
  for (const c of CLASSIFIERS) {
    if (!c.path.test(path)) continue;
    const versions = c.anchor
      ? anchoredVersions(content, { ...c, anchor: c.anchor })
      : scannedVersions(content, c);
    const version = c.pick ? c.pick(versions, path) : versions[0];
    if (version) return { name: c.name, version };
  }
  return undefined;
}

/**
 * classifyBinary decided from a big file's head and its path: nothing for a file that is not an
 * executable, the JVM for a Java home's binary, nothing when no classifier looks at this path;
 * the whole content when one does (or when the head cannot tell the format).
 */
export function classifyByHead(path: string, head: Buffer, size: number): HeadDecision {
  if (headLayout(head, size) === 'none') return { result: undefined };
  if (!executableFormat(head)) return 'whole';
  const jvm = JVM_PATH.exec(path);
  if (jvm) return { result: { jvm: true, javaHome: jvm[1] ?? '' } satisfies JvmBinary };
  if (GO_TOOL_PATH.test(path) || CLASSIFIERS.some((c) => c.path.test(path))) return 'whole';
  return { result: undefined };
}

/** `JAVA_VERSION="17.0.9"` and `IMPLEMENTOR="..."` from a Java home's `release` file. */
export function parseJavaRelease(text: string): { version?: string; implementor?: string } {
  const field = (key: string): string | undefined =>
    new RegExp(`^${key}="?([^"\\n]*)"?\\s*$`, 'm').exec(text)?.[1]?.trim() || undefined;
  const out: { version?: string; implementor?: string } = {};
  const version = field('JAVA_VERSION');
  const implementor = field('IMPLEMENTOR');
  if (version) out.version = version;
  if (implementor) out.implementor = implementor;
  return out;
}
