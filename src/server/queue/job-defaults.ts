import type { JobName, JobOptions } from './types.js';

/** Every job name, in the order counts() lists them. */
export const JOB_NAMES: readonly JobName[] = [
  'analyze-image',
  'evaluate-image',
  'sync-feeds',
  'poll-watches',
  'poll-tag',
  'poll-repository',
];

/** The singleton key of the jobs a schedule queues: one open at a time. */
export function scheduleKey(name: JobName): string {
  return `schedule:${name}`;
}

/**
 * The cron expression pg-boss fires `everySeconds` by: whole minutes (at least one) up to 59,
 * then whole hours up to 23, then daily (at 00:00 UTC).
 */
export function cronEvery(everySeconds: number): string {
  const minutes = Math.max(1, Math.ceil(everySeconds / 60));
  if (minutes === 1) return '* * * * *';
  if (minutes < 60) return `*/${minutes} * * * *`;
  const hours = Math.ceil(minutes / 60);
  if (hours < 24) return `0 */${hours} * * *`;
  return '0 0 * * *';
}

/** What a job gets when neither the caller nor the queue says otherwise. */
export const JOB_DEFAULTS: Required<Omit<JobOptions, 'singletonKey'>> = {
  retryLimit: 3,
  retryDelaySeconds: 5,
  expireInSeconds: 15 * 60,
};

/** How long stop() waits for running jobs before it aborts them. */
export const DEFAULT_STOP_TIMEOUT_MS = 30_000;

/**
 * The wait before retry number `retry` (1 for the first retry): the delay doubled each time.
 * pg-boss adds jitter (up to twice this); the in-process queue uses it as is.
 */
export function retryDelayMs(delaySeconds: number, retry: number): number {
  return delaySeconds * 1000 * 2 ** Math.max(0, retry - 1);
}

/** The message a failure leaves on its job: an Error's message, else the value as text. */
export function failureMessage(err: unknown): string {
  if (err instanceof Error) return err.message || err.name;
  return typeof err === 'string' ? err : (JSON.stringify(err) ?? String(err));
}
