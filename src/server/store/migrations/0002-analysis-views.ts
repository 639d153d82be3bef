import type { Migration } from './migration.js';

/**
 * Per-route projections of a stored analysis, written with it (putSbom, putScan): what the
 * content and vulnerability routes answer, so a read parses a few kilobytes of JSON instead of
 * the whole SBOM or scan. A row is keyed by the digest and the view's name; an analysis stored
 * before this step has none, and its routes fall back to the whole document.
 */
const up = [
  `CREATE TABLE analysis_views (
    digest TEXT NOT NULL,
    view TEXT NOT NULL,
    document TEXT NOT NULL,
    PRIMARY KEY (digest, view)
  )`,
];

const down = ['DROP TABLE analysis_views'];

export const analysisViews: Migration = {
  version: 2,
  name: 'analysis-views',
  up: { sqlite: up, postgres: up },
  down: { sqlite: down, postgres: down },
};
