import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { ZipBudget } from './zip-limits.js';

/** What listing a zip archive and reading its chosen entries found. */
export interface ZipRead {
  /** Names of every (non-directory) entry looked at, in central-directory order. */
  names: string[];
  /** The archive could not be opened at all. */
  unreadable: boolean;
  /** Why chosen entries (or the listing) could not be read: located by entry name. */
  problems: string[];
}

/** Thrown inside a read when an entry inflates past what it may; caught by `readZip`. */
class EntryTooLarge extends Error {}

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Reads one entry's stream, giving up once more than `max` bytes came out. */
async function collect(stream: Readable, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      total += chunk.length;
      if (total > max) throw new EntryTooLarge(`inflates past ${max} bytes`);
      chunks.push(chunk);
    }
  } finally {
    stream.destroy();
  }
  return Buffer.concat(chunks, total);
}

/**
 * Opens `buffer` as a zip (never touching the disk), lists its entries and reads those `choose`
 * selects, each up to `maxBytes(name)` and all within `budget`, handing each to `onEntry` in
 * turn (one entry in memory at a time). Never throws: a corrupt or truncated archive, an entry
 * that inflates too far or a lying size header become problems; `onEntry` must not throw.
 */
export async function readZip(
  buffer: Buffer,
  choose: (names: string[]) => string[],
  maxBytes: (name: string) => number,
  budget: ZipBudget,
  onEntry: (name: string, content: Buffer) => Promise<void>,
): Promise<ZipRead> {
  const result: ZipRead = { names: [], unreadable: false, problems: [] };
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, { validateEntrySizes: true, strictFileNames: false });
  } catch (err) {
    result.problems.push(`not a readable zip archive: ${message(err)}`);
    result.unreadable = true;
    return result;
  }
  const entries = new Map<string, yauzl.Entry>();
  try {
    for await (const entry of zip.eachEntry()) {
      if (entries.size >= budget.limits.maxEntries) {
        result.problems.push(`more than ${budget.limits.maxEntries} entries: the rest were not looked at`);
        break;
      }
      if (entry.fileName.endsWith('/')) continue;
      if (!entries.has(entry.fileName)) entries.set(entry.fileName, entry);
      result.names.push(entry.fileName);
    }
  } catch (err) {
    result.problems.push(`corrupt zip central directory: ${message(err)}`);
  }
  for (const name of choose(result.names)) {
    const entry = entries.get(name);
    if (!entry) continue;
    const perEntry = maxBytes(name);
    if (entry.uncompressedSize > perEntry) {
      result.problems.push(
        `${name}: ${entry.uncompressedSize} bytes uncompressed, over the ${perEntry}-byte entry limit (zip bomb?)`,
      );
      continue;
    }
    if (entry.uncompressedSize > budget.bytesLeft) {
      result.problems.push(
        `${name}: reading it would pass the ${budget.limits.maxTotalBytes}-byte limit for one archive (zip bomb?)`,
      );
      budget.bytesLeft = 0;
      continue;
    }
    const max = Math.min(perEntry, budget.bytesLeft);
    if (entry.isEncrypted()) {
      result.problems.push(`${name}: encrypted entry`);
      continue;
    }
    let content: Buffer;
    try {
      content = await collect(await zip.openReadStreamPromise(entry), max);
    } catch (err) {
      if (err instanceof EntryTooLarge) budget.bytesLeft -= max;
      result.problems.push(`${name}: ${message(err)}`);
      continue;
    }
    budget.bytesLeft -= content.length;
    await onEntry(name, content);
  }
  zip.close();
  return result;
}
