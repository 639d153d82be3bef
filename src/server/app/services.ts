import path from 'node:path';
import { AccountService } from '../services/account-service.js';
import { CheckService } from '../services/check-service.js';
import { ContentService } from '../services/content-service.js';
import { FeedService } from '../services/feed-service.js';
import { HarborService } from '../services/harbor-service.js';
import { ImageService } from '../services/image-service.js';
import { PolicyService } from '../services/policy-service.js';
import { QueryService } from '../services/query-service.js';
import { RegistryService } from '../services/registry-service.js';
import { UploadService } from '../services/upload-service.js';
import { VulnerabilityService } from '../services/vulnerability-service.js';
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
  watches: WatchService;
}

export function makeServices(deps: AppDeps): Services {
  const now = deps.now ?? (() => new Date());
  const { store, queue } = deps;
  const registries = new RegistryService(store, deps.secretBox, now);
  const images = new ImageService(store, queue, registries, {
    insecureRegistries: deps.insecureRegistries ?? [],
    noDockerConfig: path.join(deps.dataDir, 'no-docker-config', 'config.json'),
    now,
  });
  const feeds = new FeedService(deps.vulnData, queue);
  return {
    accounts: new AccountService(store, now),
    images,
    uploads: new UploadService(store, queue, images, { dataDir: deps.dataDir, now }),
    content: new ContentService(store),
    vulnerabilities: new VulnerabilityService(store),
    checks: new CheckService(store, now),
    policies: new PolicyService(store, now),
    registries,
    feeds,
    queries: new QueryService(store),
    harbor: new HarborService(store, images, feeds, deps.secretBox, now),
    watches: new WatchService(store, queue, now),
  };
}
