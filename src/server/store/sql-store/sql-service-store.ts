import type { SqlDriver } from '../sql/sql-driver.js';
import type { ServiceStore } from '../types.js';
import { SqlAccountStore, SqlApiKeyStore } from './sql-account-store.js';
import { SqlAnalysisStore } from './sql-analysis-store.js';
import { SqlEvaluationStore } from './sql-evaluation-store.js';
import { SqlDeliveryStore } from './sql-delivery-store.js';
import { SqlEventStore } from './sql-event-store.js';
import { SqlImageStore } from './sql-image-store.js';
import { SqlLayerBlobStore } from './sql-layer-blob-store.js';
import { SqlLookupIndexStore } from './sql-lookup-index.js';
import { SqlPolicyStore } from './sql-policy-store.js';
import { SqlRegistryCredentialStore } from './sql-registry-store.js';
import { SqlSubscriptionStore } from './sql-subscription-store.js';
import { SqlWebhookStore } from './sql-webhook-store.js';
import { SqlTrendStore } from './sql-trend-store.js';
import { SqlWatchStore } from './sql-watch-store.js';

/** The one SQL implementation of the ServiceStore, over either driver (already migrated). */
export class SqlServiceStore implements ServiceStore {
  readonly kind: 'sqlite' | 'postgres';
  readonly accounts: SqlAccountStore;
  readonly apiKeys: SqlApiKeyStore;
  readonly images: SqlImageStore;
  readonly analyses: SqlAnalysisStore;
  readonly policies: SqlPolicyStore;
  readonly evaluations: SqlEvaluationStore;
  readonly registries: SqlRegistryCredentialStore;
  readonly layers: SqlLayerBlobStore;
  readonly events: SqlEventStore;
  readonly webhooks: SqlWebhookStore;
  readonly subscriptions: SqlSubscriptionStore;
  readonly deliveries: SqlDeliveryStore;
  readonly lookups: SqlLookupIndexStore;
  readonly trends: SqlTrendStore;
  readonly watches: SqlWatchStore;

  constructor(private readonly driver: SqlDriver) {
    this.kind = driver.dialect;
    this.accounts = new SqlAccountStore(driver);
    this.apiKeys = new SqlApiKeyStore(driver);
    this.images = new SqlImageStore(driver);
    this.analyses = new SqlAnalysisStore(driver);
    this.policies = new SqlPolicyStore(driver);
    this.evaluations = new SqlEvaluationStore(driver);
    this.registries = new SqlRegistryCredentialStore(driver);
    this.layers = new SqlLayerBlobStore(driver);
    this.events = new SqlEventStore(driver);
    this.webhooks = new SqlWebhookStore(driver);
    this.subscriptions = new SqlSubscriptionStore(driver);
    this.deliveries = new SqlDeliveryStore(driver);
    this.lookups = new SqlLookupIndexStore(driver);
    this.trends = new SqlTrendStore(driver);
    this.watches = new SqlWatchStore(driver);
  }

  async ping(): Promise<void> {
    await this.driver.query('SELECT 1 AS ok');
  }

  close(): Promise<void> {
    return this.driver.close();
  }
}
