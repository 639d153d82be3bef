import type { FeedItem } from '../model.js';

/** One file of a feed as the importer hands it to a parser (a file, or an entry in a zip). */
export interface FeedFile {
  /** Path as the user gave it (for a zip entry: `archive.zip:entry/path.json`). */
  location: string;
  /** The entry's own name, for telling formats apart (`GO-2024-0001.json`, `main.yaml`). */
  name: string;
  /** The whole content; feed files are read one at a time (the largest real ones are a few MiB). */
  content: Buffer;
}

/**
 * A feed format. The importer offers every file to every parser's `detect` (cheap: looks at the
 * name and the first bytes) and gives it to the first that claims it; `parse` yields the
 * file's records, and a `rejected` item for each record it cannot use (never throws on bad
 * data; throws only on a bug).
 */
export interface FeedParser {
  /** Provider name stored with every record and shown by `db status` ('osv', 'debian', …). */
  readonly name: string;
  detect(file: FeedFile): boolean;
  parse(file: FeedFile): Iterable<FeedItem> | AsyncIterable<FeedItem>;
}
