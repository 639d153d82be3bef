import type { LayerEntry } from '../source/layer-entry.js';
import type { FileRecord } from './file-view.js';
import { SkippedInspection, type ChunkScan, type HeadDecision, type Inspector } from './inspection.js';

/** The first bytes of a big file that inspectors decide from (Inspector.inspectHead). */
export const HEAD_BYTES = 64 * 1024;
/** Files from this size on are streamed past inspectors that can decide from a head. */
export const STREAM_FROM_BYTES = 1024 * 1024;

/** A streaming entry of at least STREAM_FROM_BYTES that one of `inspectors` can take by its head. */
export function streamsToInspectors(entry: LayerEntry, inspectors: readonly Inspector[]): boolean {
  return (
    entry.chunks !== undefined &&
    entry.size >= STREAM_FROM_BYTES &&
    inspectors.some((i) => i.inspectHead !== undefined)
  );
}

const failed = (err: unknown): SkippedInspection =>
  new SkippedInspection(`inspection failed: ${(err as Error).message}`);

type Decision = HeadDecision | { failed: SkippedInspection };

function decide(inspector: Inspector, record: FileRecord, head: Buffer, size: number): Decision {
  if (!inspector.inspectHead) return 'whole';
  try {
    return inspector.inspectHead(record, head, size);
  } catch (err) {
    return { failed: failed(err) };
  }
}

/** Feeds a scan until it throws; then it is the failure. */
class Fed {
  problem: SkippedInspection | undefined;
  constructor(readonly scan: ChunkScan) {}
  push(chunk: Buffer): void {
    if (this.problem) return;
    try {
      this.scan.push(chunk);
    } catch (err) {
      this.problem = failed(err);
    }
  }
  finish(): unknown {
    if (this.problem) return this.problem;
    try {
      return this.scan.finish();
    } catch (err) {
      return failed(err);
    }
  }
}

/**
 * Streams a big entry past `inspectors` (see streamsToInspectors): reads its head, asks each
 * inspector what it needs, then feeds the rest to the scans; the content is held whole only when
 * an inspector asked for it. Returns each inspector's result, in order.
 */
export async function inspectStreaming(
  entry: LayerEntry,
  record: FileRecord,
  inspectors: readonly Inspector[],
): Promise<unknown[]> {
  const size = entry.size;
  const head = Buffer.allocUnsafe(Math.min(HEAD_BYTES, size));
  let headLength = 0;
  let decisions: Decision[] | undefined;
  let whole: Buffer | undefined;
  let wholeLength = 0;
  const fed = new Map<number, Fed>();
  const start = (): void => {
    const first = head.subarray(0, headLength);
    decisions = inspectors.map((i) => decide(i, record, first, size));
    if (decisions.includes('whole')) {
      whole = Buffer.allocUnsafe(size);
      wholeLength = first.copy(whole, 0);
    }
    decisions.forEach((d, i) => {
      if (typeof d === 'object' && 'scan' in d) fed.set(i, new Fed(d.scan));
    });
    for (const f of fed.values()) f.push(first);
  };
  for await (const chunk of entry.chunks!()) {
    let rest = chunk;
    if (!decisions) {
      const n = rest.copy(head, headLength, 0, Math.min(rest.length, head.length - headLength));
      headLength += n;
      rest = rest.subarray(n);
      if (headLength < head.length) continue;
      start();
    }
    if (rest.length === 0) continue;
    if (whole && wholeLength < whole.length)
      wholeLength += rest.copy(whole, wholeLength, 0, Math.min(rest.length, whole.length - wholeLength));
    for (const f of fed.values()) f.push(rest);
  }
  if (!decisions) start();
  const content = whole && wholeLength < whole.length ? whole.subarray(0, wholeLength) : whole;
  const results: unknown[] = [];
  for (const [i, inspector] of inspectors.entries()) {
    const d = decisions![i]!;
    if (d === 'whole') results.push(await inspectWhole(inspector, record, content!));
    else if ('failed' in d) results.push(d.failed);
    else if ('result' in d) results.push(d.result);
    else results.push(fed.get(i)!.finish());
  }
  return results;
}

/** `inspect` on the whole content; a throw becomes the SkippedInspection that says so. */
export async function inspectWhole(
  inspector: Inspector,
  record: FileRecord,
  content: Buffer,
): Promise<unknown> {
  try {
    return await inspector.inspect(record, content);
  } catch (err) {
    return failed(err);
  }
}
