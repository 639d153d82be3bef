export {
  syncDatabase,
  RUN_KEY,
  type SyncOptions,
  type SyncProgress,
  type SyncResult,
} from './sync-database.js';
export {
  DEFAULT_SYNC_CONFIG,
  DEFAULT_SYNC_PROVIDERS,
  SYNC_PROVIDERS,
  loadSyncConfig,
  type SyncConfig,
  type SyncProvider,
} from './sync-config.js';
export { parseModifiedIds } from './sync-units.js';
export { nvdUnit, NVD_CURSOR } from './nvd-unit.js';
export { syncLocation, type LocationSyncResult } from './sync-location.js';
export { removeStaleWork } from './work-dir.js';
