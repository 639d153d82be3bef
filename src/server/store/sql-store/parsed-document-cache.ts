/**
 * Parsed JSON documents (SBOMs, scans) kept between reads, so a route reading the same analysis
 * again does not parse its megabyte of JSON each time (measured: ~5 ms per polyglot SBOM). The
 * content, vulnerability and check routes read smaller stored projections instead
 * (analysis_views); whole documents are still read by the workers, the Harbor report and
 * ?format=native. An entry is valid for one stamp (the row's
 * updated_at / scanned_at): a write from any process gives the row a new stamp, so a stale entry
 * is never served unless two writes of one digest carry the same millisecond. Bounded by the
 * total length of the JSON text held; least recently used entries go first. Values are frozen
 * (deeply): every reader shares them.
 */
export class ParsedDocumentCache<T> {
  private readonly entries = new Map<string, { stamp: string; value: T; size: number }>();
  private size = 0;

  constructor(private readonly maxTextLength: number) {}

  get(key: string, stamp: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.stamp !== stamp) {
      this.size -= entry.size;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry.value;
  }

  /** Keeps the parsed value of `textLength` characters of JSON; returns it frozen. */
  set(key: string, stamp: string, value: T, textLength: number): T {
    this.delete(key);
    deepFreeze(value);
    if (textLength > this.maxTextLength) return value;
    this.entries.set(key, { stamp, value, size: textLength });
    this.size += textLength;
    for (const [oldest, entry] of this.entries) {
      if (this.size <= this.maxTextLength) break;
      this.entries.delete(oldest);
      this.size -= entry.size;
    }
    return value;
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.size -= entry.size;
  }
}

function deepFreeze(value: unknown): void {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return;
  Object.freeze(value);
  for (const child of Object.values(value)) deepFreeze(child);
}
