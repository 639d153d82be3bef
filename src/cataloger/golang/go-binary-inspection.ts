import type { ChunkScan, HeadDecision } from '../../resolver/inspection.js';
import { headLayout } from '../elf/executable-sections.js';
import { readBuildInfo, type BuildInfoOutcome } from './build-info-blob.js';
import { BuildInfoScan } from './build-info-scan.js';
import { parseModInfo, type GoModInfo } from './mod-info.js';

/** What inspecting one binary keeps: its Go version and parsed module info, or why it is corrupt. */
export type GoBinaryInspection =
  { kind: 'go'; goVersion: string; modInfo: GoModInfo } | { kind: 'corrupt'; message: string };

/** Reads a binary's Go build info while the layer streams by; undefined for non-Go files. */
export function inspectGoBinary(content: Buffer): GoBinaryInspection | undefined {
  return inspectionOf(readBuildInfo(content));
}

/**
 * inspectGoBinary decided from a big file's head: nothing for a file that is not an executable,
 * a scan for an ELF without sections, the whole content otherwise.
 */
export function inspectGoBinaryHead(head: Buffer, size: number): HeadDecision {
  const layout = headLayout(head, size);
  if (layout === 'none') return { result: undefined };
  if (layout === 'random') return 'whole';
  const scan = new BuildInfoScan();
  const inspection: ChunkScan = {
    push: (chunk) => scan.push(chunk),
    finish: () => inspectionOf(scan.finish()),
  };
  return { scan: inspection };
}

function inspectionOf(outcome: BuildInfoOutcome): GoBinaryInspection | undefined {
  if (!outcome) return undefined;
  if (outcome.kind === 'corrupt') return outcome;
  return { kind: 'go', goVersion: outcome.info.goVersion, modInfo: parseModInfo(outcome.info.modInfo) };
}
