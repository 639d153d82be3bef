import type { ChunkScan } from '../../resolver/inspection.js';
import { BUILD_INFO_MAGIC, outcomeAt, type BuildInfoOutcome } from './build-info-blob.js';

/** The most a Go ≥ 1.18 blob can span: its header and two varint-prefixed 16 MiB strings. */
const MAX_BLOB_BYTES = 32 + 2 * (5 + 16 * 1024 * 1024);
const NO_SECTIONS = (): [] => [];
const OVERLAP = BUILD_INFO_MAGIC.length - 1;

/**
 * readBuildInfo for an ELF without sections (headLayout `no-sections`), chunk by chunk: finds the
 * first build info magic, keeps the bytes from there on until the blob decodes (or cannot decode
 * whatever follows), and drops everything else. Gives what readBuildInfo gives for the whole file.
 */
export class BuildInfoScan implements ChunkScan {
  private carry: Buffer = Buffer.alloc(0);
  private kept: Buffer | undefined;
  private keptLength = 0;
  private decided = false;
  private outcome: BuildInfoOutcome;

  push(chunk: Buffer): void {
    if (this.decided || chunk.length === 0) return;
    if (this.kept) this.keep(chunk);
    else {
      const from = this.find(chunk);
      if (!from) return;
      this.keep(from);
    }
    this.decode(false);
  }

  finish(): BuildInfoOutcome {
    if (this.kept && !this.decided) this.decode(true);
    return this.outcome;
  }

  /** The content from the first magic on, when this chunk holds (or completes) it. */
  private find(chunk: Buffer): Buffer | undefined {
    const joint = Buffer.concat([this.carry, chunk.subarray(0, OVERLAP)]);
    const j = joint.indexOf(BUILD_INFO_MAGIC);
    if (j >= 0) return Buffer.concat([joint.subarray(j), chunk.subarray(OVERLAP)]);
    const i = chunk.indexOf(BUILD_INFO_MAGIC);
    if (i >= 0) return chunk.subarray(i);
    // A copy: a slice would keep the whole chunk alive.
    this.carry = Buffer.from(Buffer.concat([this.carry, chunk.subarray(-OVERLAP)]).subarray(-OVERLAP));
    return undefined;
  }

  private keep(bytes: Buffer): void {
    const room = Math.min(bytes.length, MAX_BLOB_BYTES - this.keptLength);
    if (room <= 0) return;
    const need = this.keptLength + room;
    if (!this.kept || this.kept.length < need) {
      const grown = Buffer.allocUnsafe(
        Math.min(MAX_BLOB_BYTES, Math.max(need, 2 * (this.kept?.length ?? 0), 65536)),
      );
      if (this.kept) this.kept.copy(grown, 0, 0, this.keptLength);
      this.kept = grown;
    }
    this.keptLength += bytes.copy(this.kept, this.keptLength, 0, room);
  }

  private decode(atEnd: boolean): void {
    const { outcome, truncated } = outcomeAt(this.kept!.subarray(0, this.keptLength), 0, NO_SECTIONS);
    if (truncated && !atEnd && this.keptLength < MAX_BLOB_BYTES) return;
    this.outcome = outcome;
    this.decided = true;
    this.kept = undefined;
  }
}
