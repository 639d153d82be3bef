import type Database from 'better-sqlite3';
import { retryDelayMs } from '../job-defaults.js';
import type { JobRow } from './job-row.js';
import { prepared } from './statement-cache.js';

/** The end of a run that went well: completed, its lease released. */
export function completeJob(db: Database.Database, id: string, lease: string, at: Date): void {
  prepared(
    db,
    "UPDATE queue_jobs SET state = 'completed', completed_at = ?, lease = NULL WHERE id = ? AND lease = ?",
  ).run(at.toISOString(), id, lease);
}

/** A failed run: retried after the doubling delay, or failed for good when it was the last one. */
export function failJobAttempt(
  db: Database.Database,
  id: string,
  lease: string,
  message: string,
  now: number,
): void {
  const fail = db.transaction(() => {
    const row = prepared(db, "SELECT * FROM queue_jobs WHERE id = ? AND lease = ? AND state = 'active'").get(
      id,
      lease,
    ) as JobRow | undefined;
    if (!row) return;
    if (row.attempts > row.retry_limit) {
      prepared(
        db,
        "UPDATE queue_jobs SET state = 'failed', error = ?, lease = NULL, completed_at = ? WHERE id = ?",
      ).run(message, new Date(now).toISOString(), id);
    } else {
      const delay = retryDelayMs(row.retry_delay_ms / 1000, row.attempts);
      prepared(
        db,
        "UPDATE queue_jobs SET state = 'retry', error = ?, lease = NULL, run_after = ? WHERE id = ?",
      ).run(message, now + delay, id);
    }
  });
  fail.immediate();
}

/** The queue stopped under a running job: it goes back as it was, the attempt not counted. */
export function giveJobBack(db: Database.Database, lease: string, now: number): void {
  prepared(
    db,
    `UPDATE queue_jobs SET state = CASE WHEN attempts > 1 THEN 'retry' ELSE 'queued' END,
       attempts = attempts - 1, lease = NULL, started_at = NULL, run_after = ?
     WHERE lease = ? AND state = 'active'`,
  ).run(now, lease);
}

/** Jobs still active past their expiry. */
export function expiredActiveJobs(
  db: Database.Database,
  now: number,
): { id: string; lease: string; expire_in_ms: number }[] {
  return prepared(
    db,
    "SELECT id, lease, expire_in_ms FROM queue_jobs WHERE state = 'active' AND started_at + expire_in_ms < ?",
  ).all(now) as { id: string; lease: string; expire_in_ms: number }[];
}

/** Completed jobs older than `completedBefore`, failed and cancelled ones older than `failedBefore`. */
export function deleteOldJobs(db: Database.Database, completedBefore: Date, failedBefore: Date): void {
  prepared(
    db,
    `DELETE FROM queue_jobs WHERE (state = 'completed' AND completed_at < ?)
       OR (state IN ('failed', 'cancelled') AND completed_at < ?)`,
  ).run(completedBefore.toISOString(), failedBefore.toISOString());
}
