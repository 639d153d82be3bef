import { readFile } from 'node:fs/promises';
import { UsageError } from '../../errors/index.js';
import { cycloneDxStatements, isCycloneDxVex } from './cyclonedx-vex.js';
import { isOpenVex, openVexStatements } from './openvex.js';
import type { VexStatement } from './vex-statement.js';

/** Reads one VEX document (OpenVEX or CycloneDX VEX, told apart by content). */
export async function loadVex(file: string): Promise<VexStatement[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`--vex ${file}: cannot read it (${err.code ?? err.message})`);
  });
  return parseVex(text, file);
}

export function parseVex(text: string, file: string): VexStatement[] {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch {
    throw new UsageError(`--vex ${file}: not JSON (OpenVEX and CycloneDX VEX documents are JSON)`);
  }
  if (isOpenVex(doc)) return openVexStatements(doc as Record<string, unknown>, file);
  if (isCycloneDxVex(doc)) return cycloneDxStatements(doc as Record<string, unknown>, file);
  throw new UsageError(
    `--vex ${file}: neither an OpenVEX document nor a CycloneDX document with vulnerabilities`,
  );
}
