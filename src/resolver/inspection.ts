import type { FileRecord } from './file-view.js';

/** A file a cataloger asked to inspect whose content could not be handed over. */
export class SkippedInspection {
  constructor(readonly reason: string) {}
}

/** Something that looks at file contents while layers stream by (see Cataloger.inspect). */
export interface Inspector {
  readonly name: string;
  wantsInspect(header: { path: string; size: number; mode: number }): boolean;
  inspect(record: FileRecord, content: Buffer): unknown | Promise<unknown>;
}

/** Results of every inspector, by inspector name, then by file record. */
export type Inspections = Map<string, Map<FileRecord, unknown>>;
