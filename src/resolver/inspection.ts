import type { FileRecord } from './file-view.js';

/** A file a cataloger asked to inspect whose content could not be handed over. */
export class SkippedInspection {
  constructor(readonly reason: string) {}
}

/**
 * A streaming inspection of one file: takes the content chunk by chunk, in order, from the first
 * byte (the head included), then gives its result. It keeps only what it needs.
 */
export interface ChunkScan {
  push(chunk: Buffer): void;
  finish(): unknown;
}

/**
 * What an inspector decides from a big file's head (see Inspector.inspectHead): its result
 * already, a scan to feed the rest of the content to, or `whole` (hand me the whole buffer).
 * The first two must give exactly what `inspect` would have given for the whole content.
 */
export type HeadDecision = { result: unknown } | { scan: ChunkScan } | 'whole';

/** Something that looks at file contents while layers stream by (see Cataloger.inspect). */
export interface Inspector {
  readonly name: string;
  wantsInspect(header: { path: string; size: number; mode: number }): boolean;
  inspect(record: FileRecord, content: Buffer): unknown | Promise<unknown>;
  /**
   * Optional, for files bigger than a head (HEAD_BYTES): called with the file's first bytes and
   * its size before the rest streams by, so that a big file need not be held whole.
   */
  inspectHead?(record: FileRecord, head: Buffer, size: number): HeadDecision;
}

/** Results of every inspector, by inspector name, then by file record. */
export type Inspections = Map<string, Map<FileRecord, unknown>>;
