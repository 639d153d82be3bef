import { initialSchema } from './0001-initial-schema.js';
import { analysisViews } from './0002-analysis-views.js';
import { events } from './0003-events.js';
import { notifications } from './0004-notifications.js';
import { reevaluationTrends } from './0005-reevaluation-trends.js';
import { watches } from './0006-watches.js';
import { evaluationSummaries } from './0007-evaluation-summaries.js';
import type { Migration } from './migration.js';

export type { Migration } from './migration.js';
export { migrate, migrationChecksum, MIGRATIONS_TABLE, type MigrationOutcome } from './migrator.js';

/** Every migration, oldest first. A new one is appended here and never edits an older one. */
export const MIGRATIONS: readonly Migration[] = [
  initialSchema,
  analysisViews,
  events,
  notifications,
  reevaluationTrends,
  watches,
  evaluationSummaries,
];
