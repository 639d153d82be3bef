import type PgBoss from 'pg-boss';
import type { JobInfo, JobName, JobPayloads, JobState } from '../types.js';

const STATES: Record<PgBoss.JobWithMetadata['state'], JobState> = {
  created: 'queued',
  retry: 'retry',
  active: 'active',
  completed: 'completed',
  cancelled: 'cancelled',
  failed: 'failed',
};

export function jobState(state: PgBoss.JobWithMetadata['state']): JobState {
  return STATES[state];
}

/**
 * Runs made so far. pg-boss counts retries (`retryCount`, raised when a job that was started
 * before is fetched again); a job given back by a stopping worker has no start time, so the run
 * that was cut short is not counted.
 */
export function attemptsMade(job: Pick<PgBoss.JobWithMetadata, 'retryCount' | 'startedOn'>): number {
  return job.startedOn ? job.retryCount + 1 : job.retryCount;
}

/**
 * The message a failure left in the job's output: pg-boss stores a thrown Error serialized
 * (`{ message, stack }`), a string as `{ value }`, and its own timeout as `{ value: { message } }`.
 */
export function outputError(output: unknown): string | undefined {
  if (output === null || typeof output !== 'object') return undefined;
  const o = output as { message?: unknown; value?: unknown };
  if (typeof o.message === 'string') return o.message;
  if (typeof o.value === 'string') return o.value;
  if (
    o.value &&
    typeof o.value === 'object' &&
    typeof (o.value as { message?: unknown }).message === 'string'
  )
    return (o.value as { message: string }).message;
  return undefined;
}

export function pgBossJobInfo(job: PgBoss.JobWithMetadata<unknown>): JobInfo {
  const state = jobState(job.state);
  const error = state === 'failed' || state === 'retry' ? outputError(job.output) : undefined;
  return {
    id: job.id,
    name: job.name as JobName,
    data: job.data as JobPayloads[JobName],
    state,
    attempts: attemptsMade(job),
    ...(error !== undefined ? { error } : {}),
    createdAt: new Date(job.createdOn).toISOString(),
    ...(job.completedOn ? { completedAt: new Date(job.completedOn).toISOString() } : {}),
  };
}
