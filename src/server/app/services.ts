import path from 'node:path';
import { registryAddressRule } from '../services/registry-address-rule.js';
import { AdmissionService } from '../admission/admission-service.js';
import { DEFAULT_ADMISSION_SETTINGS } from '../admission/admission-settings.js';
import { AccountService } from '../services/account-service.js';
import { CheckService } from '../services/check-service.js';
import { ContentService } from '../services/content-service.js';
import { FeedService } from '../services/feed-service.js';
import { HarborService } from '../services/harbor-service.js';
import { ImageService } from '../services/image-service.js';
import { PolicyService } from '../services/policy-service.js';
import { QueryService } from '../services/query-service.js';
import { RegistryService } from '../services/registry-service.js';
import { TrendService } from '../services/trend-service.js';
import { UploadService } from '../services/upload-service.js';
import { VulnerabilityService } from '../services/vulnerability-service.js';
import { EventService } from '../services/event-service.js';
import { SubscriptionService } from '../services/subscription-service.js';
import { WebhookService } from '../services/webhook-service.js';
import { WatchService } from '../services/watch-service.js';
import type { AppDeps } from './app-deps.js';

/** Every service the routes call, over one store and queue. */
export interface Services {
  accounts: AccountService;
  images: ImageService;
  uploads: UploadService;
  content: ContentService;
  vulnerabilities: VulnerabilityService;
  checks: CheckService;
  policies: PolicyService;
  registries: RegistryService;
  feeds: FeedService;
  queries: QueryService;
  harbor: HarborService;
  admission: AdmissionService;
  webhooks: WebhookService;
  subscriptions: SubscriptionService;
  events: EventService;
  trends: TrendService;
  watches: WatchService;
}

export function makeServices(deps: AppDeps): Services {
  const now = deps.now ?? (() => new Date());
  const { store, queue } = deps;
  const registries = new RegistryService(store, deps.secretBox, now);
  const images = new ImageService(store, queue, registries, {
    insecureRegistries: deps.insecureRegistries ?? [],
    addressRule: registryAddressRule(deps),
    noDockerConfig: path.join(deps.dataDir, 'no-docker-config', 'config.json'),
    now,
  });
  const feeds = new FeedService(deps.vulnData, queue);
  const checks = new CheckService(store, now);
  return {
    accounts: new AccountService(store, now),
    images,
    uploads: new UploadService(store, queue, images, { dataDir: deps.dataDir, now }),
    content: new ContentService(store),
    vulnerabilities: new VulnerabilityService(store),
    checks,
    policies: new PolicyService(store, now),
    registries,
    feeds,
    queries: new QueryService(store),
    harbor: new HarborService(store, images, feeds, deps.secretBox, now),
    admission: new AdmissionService(store, images, checks, {
      ...DEFAULT_ADMISSION_SETTINGS,
      ...deps.admission,
    }),
    webhooks: new WebhookService(
      store,
      deps.secretBox,
      { allowedHosts: deps.allowedWebhookHosts ?? [] },
      now,
    ),
    subscriptions: new SubscriptionService(store, now),
    events: new EventService(store),
    trends: new TrendService(store, now),
    watches: new WatchService(store, queue, now),
  };
}
