import type Database from 'better-sqlite3';
import { JOB_NAMES } from '../job-defaults.js';
import type { JobInfo, JobName, JobState } from '../types.js';
import { jobInfo, type JobRow } from './job-row.js';
import { prepared } from './statement-cache.js';

/** One job by id, in any state. */
export function jobById(db: Database.Database, id: string): JobInfo | undefined {
  const row = prepared(db, 'SELECT * FROM queue_jobs WHERE id = ?').get(id) as JobRow | undefined;
  return row && jobInfo(row);
}

/** The newest job of this name with this singleton key, in any state. */
export function lastJobByKey(
  db: Database.Database,
  name: JobName,
  singletonKey: string,
): JobInfo | undefined {
  const row = prepared(
    db,
    'SELECT * FROM queue_jobs WHERE name = ? AND singleton_key = ? ORDER BY created_at DESC, rowid DESC LIMIT 1',
  ).get(name, singletonKey) as JobRow | undefined;
  return row && jobInfo(row);
}

/** Jobs per name and state (every name present, with no states when it has no jobs). */
export function jobCounts(db: Database.Database): Record<JobName, Partial<Record<JobState, number>>> {
  const rows = prepared(
    db,
    'SELECT name, state, COUNT(*) AS n FROM queue_jobs GROUP BY name, state',
  ).all() as {
    name: JobName;
    state: JobState;
    n: number;
  }[];
  const counts = Object.fromEntries(JOB_NAMES.map((n) => [n, {}])) as Record<
    JobName,
    Partial<Record<JobState, number>>
  >;
  for (const row of rows) if (counts[row.name]) counts[row.name][row.state] = row.n;
  return counts;
}
