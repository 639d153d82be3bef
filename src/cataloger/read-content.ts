import type { Unknown } from '../model/unknown.js';
import type { FileRecord, FileView } from '../resolver/file-view.js';

/** A located unknown for `record`, as every cataloger reports one. */
export function unknownAt(record: FileRecord, cataloger: string, message: string): Unknown {
  return { path: record.path, layer: record.layerDigest, cataloger, message };
}

/**
 * The captured text of a file a cataloger wanted, or undefined with an Unknown added that says
 * why it could not be read (too large, unreadable, hard link to a file not kept).
 */
export function readText(
  view: FileView,
  record: FileRecord,
  cataloger: string,
  unknowns: Unknown[],
): string | undefined {
  const content = view.content(record);
  if (content) return content.toString('utf8');
  unknowns.push(
    unknownAt(
      record,
      cataloger,
      `cannot read ${record.path}: ${view.contentProblem(record) ?? 'content was not captured'}`,
    ),
  );
  return undefined;
}
