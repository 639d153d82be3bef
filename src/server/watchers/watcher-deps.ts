import path from 'node:path';
import type { EventLog } from '../events/index.js';
import type { JobQueue } from '../queue/types.js';
import { ImageService } from '../services/image-service.js';
import { registryAddressRule } from '../services/registry-address-rule.js';
import { RegistryService } from '../services/registry-service.js';
import type { SecretBox } from '../store/secret-box/index.js';
import type { ServiceStore, WatchRecord } from '../store/types.js';
import { insecureFor, probeClient } from './registry-probe.js';
import type { RegistryClient } from '../../source/registry/index.js';

/** Where the watchers report; a pino logger fits. Never given a credential. */
export interface WatcherLog extends EventLog {
  warn(fields: Record<string, unknown>, message: string): void;
}

/** What a poll runs on: the store, the queue, and the path POST /v1/images takes to add an image. */
export interface WatcherDeps {
  store: ServiceStore;
  queue: JobQueue;
  images: ImageService;
  registries: RegistryService;
  insecureRegistries: string[];
  addressRule: { allowedHosts: readonly string[] };
  noDockerConfig: string;
  log?: WatcherLog;
  now: () => Date;
}

export function makeWatcherDeps(input: {
  store: ServiceStore;
  queue: JobQueue;
  secretBox: SecretBox;
  dataDir: string;
  insecureRegistries?: string[];
  allowedRegistryHosts?: string[];
  log?: WatcherLog;
  now?: () => Date;
}): WatcherDeps {
  const now = input.now ?? (() => new Date());
  const noDockerConfig = path.join(input.dataDir, 'no-docker-config', 'config.json');
  const insecureRegistries = input.insecureRegistries ?? [];
  const registries = new RegistryService(input.store, input.secretBox, now);
  const addressRule = registryAddressRule(input);
  const images = new ImageService(input.store, input.queue, registries, {
    insecureRegistries,
    addressRule,
    noDockerConfig,
    now,
  });
  return {
    store: input.store,
    queue: input.queue,
    images,
    registries,
    insecureRegistries,
    addressRule,
    noDockerConfig,
    ...(input.log ? { log: input.log } : {}),
    now,
  };
}

/** A registry client for the watch's repository with the account's credential. */
export async function clientFor(
  deps: WatcherDeps,
  watch: WatchRecord,
  signal?: AbortSignal,
): Promise<RegistryClient> {
  const { credentials, verifyTls } = await deps.registries.credentialFor(watch.accountId, watch.registry);
  return probeClient(watch.registry, watch.repository, {
    ...(credentials ? { credentials } : {}),
    insecure: insecureFor(watch.registry, verifyTls, deps.insecureRegistries),
    addressRule: deps.addressRule,
    noDockerConfig: deps.noDockerConfig,
    ...(signal ? { signal } : {}),
  });
}

export function fullTagOf(watch: Pick<WatchRecord, 'registry' | 'repository'>, tag: string): string {
  return `${watch.registry}/${watch.repository}:${tag}`;
}

export function nextCheck(at: Date, watch: Pick<WatchRecord, 'intervalSeconds'>): string {
  return new Date(at.getTime() + watch.intervalSeconds * 1000).toISOString();
}
