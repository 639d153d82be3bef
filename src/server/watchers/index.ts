export { pollTag, type TagPollOutcome } from './poll-tag.js';
export { pollRepository, type RepositoryPollOutcome } from './poll-repository.js';
export { pollJobOf, pollWatchJob, pollWatchesJob, queuePoll } from './watch-jobs.js';
export { makeWatcherDeps, type WatcherDeps, type WatcherLog } from './watcher-deps.js';
export { headTag, listTags, nextPage, type TagHead } from './registry-probe.js';
