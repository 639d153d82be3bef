export { importFeeds, REJECTION_SAMPLES, UNREADABLE } from './import-feeds.js';
export type { ImportOptions, ImportProgress, ImportSummary, Rejections } from './import-feeds.js';
export { walkFeedFiles, type FeedSource } from './feed-files.js';
