export type * from './types.js';
export { JOB_NAMES, JOB_DEFAULTS } from './job-defaults.js';
export { openJobQueue, type OpenQueueOptions, type QueueLocation } from './open-queue.js';
export { InProcessQueue, type InProcessQueueOptions } from './in-process/in-process-queue.js';
export { PgBossQueue, type PgBossQueueOptions } from './pg-boss/pg-boss-queue.js';
