import { readFileSync } from 'node:fs';
import type { Static } from '@sinclair/typebox';
import { UsageError } from '../../errors/index.js';
import { shapeProblems } from '../../schema/shape-problems.js';
import { SyncConfigFileSchema, type SyncConfigSchema } from '../../schema/sync-config.js';
import { NVD_CVE_API } from '../providers/nvd/nvd-client.js';

/**
 * Where `db update` fetches each provider from; every URL can be replaced by a config file.
 * NVD CVE API 2.0: only records modified since the last sync (the first sync: `initialDays`).
 */
export type SyncConfig = Static<typeof SyncConfigSchema>;

export const DEFAULT_SYNC_CONFIG: SyncConfig = {
  osv: {
    url: 'https://osv-vulnerabilities.storage.googleapis.com',
    ecosystems: [
      'Go',
      'crates.io',
      'PyPI',
      'npm',
      'RubyGems',
      'Packagist',
      'Maven',
      'NuGet',
      'AlmaLinux',
      'Rocky Linux',
      'Wolfi',
      'Chainguard',
    ],
  },
  debian: { url: 'https://security-tracker.debian.org/tracker/data/json' },
  alpine: {
    url: 'https://secdb.alpinelinux.org',
    releases: ['v3.18', 'v3.19', 'v3.20', 'v3.21', 'v3.22'],
    repositories: ['main', 'community'],
  },
  epss: { url: 'https://epss.cyentia.com/epss_scores-current.csv.gz' },
  kev: { url: 'https://www.cisa.gov/sites/default/files/feeds/known_exploited_vulnerabilities.json' },
  nvd: { url: NVD_CVE_API, initialDays: 120 },
};

/** The providers `db update --provider` accepts, in sync order. */
export const SYNC_PROVIDERS = ['osv', 'debian', 'alpine', 'epss', 'kev', 'nvd'] as const;
export type SyncProvider = (typeof SYNC_PROVIDERS)[number];

/**
 * What `db update` syncs when no `--provider` is named. NVD is opt-in: its data serves only CPE
 * matching (`--cpe`) and CVSS enrichment, and without an API key it allows 5 requests per 30 s.
 */
export const DEFAULT_SYNC_PROVIDERS: readonly SyncProvider[] = ['osv', 'debian', 'alpine', 'epss', 'kev'];

/**
 * The defaults, overlaid with the JSON file named by `file` or $CUSTOMS_SYNC_CONFIG (same shape,
 * any part may be left out), then $CUSTOMS_OSV_URL, $CUSTOMS_DEBIAN_URL, $CUSTOMS_ALPINE_URL,
 * $CUSTOMS_EPSS_URL, $CUSTOMS_KEV_URL.
 */
export function loadSyncConfig(file?: string, env: NodeJS.ProcessEnv = process.env): SyncConfig {
  const config: SyncConfig = structuredClone(DEFAULT_SYNC_CONFIG);
  const path = file ?? env.CUSTOMS_SYNC_CONFIG;
  if (path) {
    let overlay: Partial<Record<keyof SyncConfig, Record<string, unknown>>>;
    try {
      overlay = JSON.parse(readFileSync(path, 'utf8')) as typeof overlay;
    } catch (err) {
      throw new UsageError(
        `cannot read sync config ${path}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    const problems = shapeProblems(SyncConfigFileSchema, overlay);
    if (problems.length > 0)
      throw new UsageError(`sync config ${path}: ${problems.map((p) => p.message).join('; ')}`);
    for (const key of Object.keys(config) as (keyof SyncConfig)[]) {
      if (overlay[key]) Object.assign(config[key], overlay[key]);
    }
  }
  const envUrls: [keyof SyncConfig, string][] = [
    ['osv', 'CUSTOMS_OSV_URL'],
    ['debian', 'CUSTOMS_DEBIAN_URL'],
    ['alpine', 'CUSTOMS_ALPINE_URL'],
    ['epss', 'CUSTOMS_EPSS_URL'],
    ['kev', 'CUSTOMS_KEV_URL'],
    ['nvd', 'CUSTOMS_NVD_URL'],
  ];
  for (const [key, name] of envUrls) if (env[name]) config[key].url = env[name];
  if (env.NVD_API_KEY) config.nvd.apiKey = env.NVD_API_KEY;
  return config;
}
