// The wire types are the service's own view types, imported as types only: the UI and the
// service cannot drift apart without the type check failing.
export type { ImageView } from '../../../src/server/services/image-view.js';
export type { VulnerabilityView } from '../../../src/server/views/vulnerability-view.js';
export type { PackageContent } from '../../../src/server/views/package-content.js';
export type { EvaluationView } from '../../../src/server/services/check-service.js';
export type { PolicyView } from '../../../src/server/services/policy-service.js';

export interface Page<K extends string, T> {
  total: number;
  page: number;
  limit: number;
  items: Record<K, T[]>;
}
export type { FileEntry } from '../../../src/model/file-entry.js';
export type { SecretFinding } from '../../../src/model/secret.js';
export type { HistoryEntry } from '../../../src/model/history-entry.js';
export type { DailyTrend, TrendPoint } from '../../../src/server/store/trend-types.js';
export type { ImageSummaryView } from '../../../src/server/services/image-summary.js';
export type {
  DerivedImagesView,
  ProvenanceImageView,
  ProvenanceView,
} from '../../../src/server/services/image-provenance.js';
