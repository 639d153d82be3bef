import type { JobInfo, JobName, JobPayloads, JobState } from '../types.js';

/** One row of queue_jobs as better-sqlite3 returns it. */
export interface JobRow {
  id: string;
  name: JobName;
  data: string;
  state: JobState;
  attempts: number;
  retry_limit: number;
  retry_delay_ms: number;
  expire_in_ms: number;
  singleton_key: string | null;
  run_after: number;
  started_at: number | null;
  lease: string | null;
  error: string | null;
  created_at: string;
  completed_at: string | null;
}

export function jobInfo(row: JobRow): JobInfo {
  return {
    id: row.id,
    name: row.name,
    data: JSON.parse(row.data) as JobPayloads[JobName],
    state: row.state,
    attempts: row.attempts,
    ...(row.error !== null ? { error: row.error } : {}),
    createdAt: row.created_at,
    ...(row.completed_at !== null ? { completedAt: row.completed_at } : {}),
  };
}
