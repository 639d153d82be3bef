// A queue for the API tests until the real in-process queue is merged: it records what the API
// enqueues (the tests write a job's effects to the store themselves). Not a queue: nothing runs.
import type { JobName, JobOptions, JobPayloads, JobQueue } from '../../../src/server/queue/types.js';

export class RecordingQueue implements JobQueue {
  readonly kind = 'in-process' as const;
  readonly jobs: { id: string; name: JobName; data: unknown; options?: JobOptions }[] = [];

  async start(): Promise<void> {}
  async enqueue<N extends JobName>(name: N, data: JobPayloads[N], options?: JobOptions): Promise<string> {
    const same = options?.singletonKey
      ? this.jobs.find((j) => j.name === name && j.options?.singletonKey === options.singletonKey)
      : undefined;
    if (same) return same.id;
    const id = `job-${this.jobs.length + 1}`;
    this.jobs.push({ id, name, data, ...(options ? { options } : {}) });
    return id;
  }
  async work(): Promise<void> {}
  async get(): Promise<undefined> {
    return undefined;
  }
  async lastByKey(): Promise<undefined> {
    return undefined;
  }
  async counts(): Promise<Record<JobName, Record<string, number>>> {
    return {
      'analyze-image': { queued: this.jobs.filter((j) => j.name === 'analyze-image').length },
      'evaluate-image': {},
      'sync-feeds': {},
    };
  }
  async stop(): Promise<void> {}
}
