import { createHash } from 'node:crypto';
import type { FileRecord } from '../../resolver/file-view.js';
import type { FileHeader } from '../types.js';
import { searchLines, type ContentPattern } from './content-search.js';
import { isNotable } from './file-flags.js';
import { looksBinary, MAX_TEXT_SEARCH_BYTES } from './text-content.js';

/** What the files cataloger keeps of a file's content: never the content itself, except retrieval. */
export interface FileInspection {
  sha256?: string;
  retrieved?: { contentBase64: string; truncated: boolean };
  matches?: { name: string; lines: number[] }[];
}

export interface FileInspectionPlan {
  digestAll: boolean;
  retrieve: (path: string) => boolean;
  retrieveMaxBytes: number;
  patterns: readonly ContentPattern[];
}

export function wantsFileInspection(plan: FileInspectionPlan, header: FileHeader): boolean {
  if (plan.digestAll || isNotable('file', header.mode)) return true;
  if (plan.retrieve(header.path)) return true;
  return plan.patterns.length > 0 && header.size <= MAX_TEXT_SEARCH_BYTES;
}

export function inspectFile(
  plan: FileInspectionPlan,
  record: FileRecord,
  content: Buffer,
): FileInspection | undefined {
  const result: FileInspection = {};
  if (plan.digestAll || isNotable(record.type, record.mode))
    result.sha256 = createHash('sha256').update(content).digest('hex');
  if (plan.retrieve(record.path)) {
    const kept = content.subarray(0, plan.retrieveMaxBytes);
    result.retrieved = { contentBase64: kept.toString('base64'), truncated: kept.length < content.length };
  }
  if (plan.patterns.length > 0 && content.length <= MAX_TEXT_SEARCH_BYTES && !looksBinary(content)) {
    const found = searchLines(content.toString('utf8'), plan.patterns);
    if (found.size > 0) result.matches = [...found].map(([name, lines]) => ({ name, lines }));
  }
  return Object.keys(result).length > 0 ? result : undefined;
}
