import type { FeedItem } from '../../model.js';
import type { FeedFile, FeedParser } from '../types.js';
import { isOsvRecord, mayHoldOsv, readDocument, recordsOf } from './document.js';
import { PROVIDER, convertRecord } from './record.js';

/** Parsed documents of files `detect` has claimed, so `parse` does not read them twice. */
const parsed = new WeakMap<Buffer, unknown>();

/**
 * OSV records (https://ossf.github.io/osv-schema/) as JSON or YAML: one record per file, a JSON
 * array of records, or an OSV.dev API answer. Index files (`all.json`: `{id, modified}` pairs)
 * are not claimed.
 */
export const osvParser: FeedParser = {
  name: PROVIDER,
  detect(file: FeedFile): boolean {
    if (!mayHoldOsv(file)) return false;
    const document = readDocument(file);
    if (document instanceof Error) return false;
    parsed.set(file.content, document);
    return recordsOf(document) !== undefined;
  },
  *parse(file: FeedFile): Iterable<FeedItem> {
    const document = parsed.get(file.content) ?? readDocument(file);
    parsed.delete(file.content);
    if (document instanceof Error) {
      yield {
        kind: 'rejected',
        location: file.location,
        reason: `not JSON or YAML: ${firstLine(document.message)}`,
      };
      return;
    }
    const records = recordsOf(document);
    if (!records) {
      yield { kind: 'rejected', location: file.location, reason: 'no OSV record in the file' };
      return;
    }
    const single = records.length === 1 && isOsvRecord(document);
    for (const [index, record] of records.entries()) {
      yield convertRecord(record, single ? file.location : `${file.location}[${index}]`);
    }
  },
};

function firstLine(message: string): string {
  return message.split('\n')[0] ?? message;
}
