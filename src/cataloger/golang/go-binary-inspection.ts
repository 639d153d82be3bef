import { readBuildInfo } from './build-info-blob.js';
import { parseModInfo, type GoModInfo } from './mod-info.js';

/** What inspecting one binary keeps: its Go version and parsed module info, or why it is corrupt. */
export type GoBinaryInspection =
  { kind: 'go'; goVersion: string; modInfo: GoModInfo } | { kind: 'corrupt'; message: string };

/** Reads a binary's Go build info while the layer streams by; undefined for non-Go files. */
export function inspectGoBinary(content: Buffer): GoBinaryInspection | undefined {
  const outcome = readBuildInfo(content);
  if (!outcome) return undefined;
  if (outcome.kind === 'corrupt') return outcome;
  return { kind: 'go', goVersion: outcome.info.goVersion, modInfo: parseModInfo(outcome.info.modInfo) };
}
