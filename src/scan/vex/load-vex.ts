import { readFile } from 'node:fs/promises';
import type { TSchema } from '@sinclair/typebox';
import { UsageError } from '../../errors/index.js';
import { shapeProblems } from '../../schema/shape-problems.js';
import { CycloneDxVexSchema, OpenVexSchema } from '../../schema/vex.js';
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
  if (isOpenVex(doc)) {
    checkShape(OpenVexSchema, doc, 'statements', file);
    return openVexStatements(doc as Record<string, unknown>, file);
  }
  if (isCycloneDxVex(doc)) {
    checkShape(CycloneDxVexSchema, doc, 'vulnerabilities', file);
    return cycloneDxStatements(doc as Record<string, unknown>, file);
  }
  throw new UsageError(
    `--vex ${file}: neither an OpenVEX document nor a CycloneDX document with vulnerabilities`,
  );
}

/** One UsageError naming every problem of the document's shape, each at `file#n` (its nth entry). */
function checkShape(schema: TSchema, doc: unknown, list: string, file: string): void {
  const problems = shapeProblems(schema, doc).map((p) => {
    const [key, index] = p.segments;
    return key === list && typeof index === 'number'
      ? `${file}#${index + 1}: ${p.message}`
      : `${file}: ${p.message}`;
  });
  if (problems.length > 0) throw new UsageError(`--vex ${problems.join('; ')}`);
}
