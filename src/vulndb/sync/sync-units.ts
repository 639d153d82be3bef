import path from 'node:path';
import type { VulnStore } from '../store/types.js';
import { downloadTo, fetchText } from './download.js';
import { nvdUnit } from './nvd-unit.js';
import type { SyncConfig, SyncProvider } from './sync-config.js';

/** Changed records past this many: fetch the whole zip instead of one file each. */
const INCREMENTAL_LIMIT = 2000;

/** One atomic step of a sync: its downloads are imported in one write session. */
export interface SyncUnit {
  name: string;
  provider: SyncProvider;
  /** false for OSV ecosystems: one provider ('osv') spans many units. */
  replace: boolean;
  fetch(dir: string): Promise<{ files: string[]; source: string; state: [string, string][] }>;
}

export function syncUnits(
  config: SyncConfig,
  store: VulnStore,
  providers: readonly SyncProvider[],
): SyncUnit[] {
  const units: SyncUnit[] = [];
  const base = (url: string): string => url.replace(/\/+$/, '');
  if (providers.includes('osv')) {
    for (const ecosystem of config.osv.ecosystems) {
      units.push({
        name: `osv:${ecosystem}`,
        provider: 'osv',
        replace: false,
        fetch: (dir) => osvFetch(base(config.osv.url), ecosystem, store, dir),
      });
    }
  }
  if (providers.includes('debian')) units.push(single('debian', config.debian.url, 'debian-tracker.json'));
  if (providers.includes('alpine')) {
    units.push({
      name: 'alpine',
      provider: 'alpine',
      replace: true,
      fetch: async (dir) => {
        const files: string[] = [];
        for (const release of config.alpine.releases) {
          for (const repo of config.alpine.repositories) {
            const file = path.join(dir, `${release}-${repo}.json`);
            await downloadTo(`${base(config.alpine.url)}/${release}/${repo}.json`, file);
            files.push(file);
          }
        }
        return { files, source: base(config.alpine.url), state: [] };
      },
    });
  }
  if (providers.includes('epss')) units.push(single('epss', config.epss.url, 'epss_scores-current.csv.gz'));
  if (providers.includes('kev'))
    units.push(single('kev', config.kev.url, 'known_exploited_vulnerabilities.json'));
  if (providers.includes('nvd')) units.push(nvdUnit(config, store));
  return units;
}

function single(provider: SyncProvider, url: string, name: string): SyncUnit {
  return {
    name: provider,
    provider,
    replace: true,
    fetch: async (dir) => {
      const file = path.join(dir, name);
      await downloadTo(url, file);
      return { files: [file], source: url, state: [] };
    },
  };
}

/**
 * One OSV ecosystem: with a cursor from an earlier sync, only the records modified_id.csv lists
 * as newer; otherwise (or when too many changed) the ecosystem's all.zip.
 */
async function osvFetch(
  base: string,
  ecosystem: string,
  store: VulnStore,
  dir: string,
): Promise<{ files: string[]; source: string; state: [string, string][] }> {
  const root = `${base}/${encodeURIComponent(ecosystem)}`;
  const cursorKey = `osv:${ecosystem}:modified`;
  const cursor = await store.syncState(cursorKey);
  const csv = await fetchText(`${root}/modified_id.csv`);
  const changes = csv ? parseModifiedIds(csv) : [];
  const newest = changes
    .map((c) => c.modified)
    .sort()
    .at(-1);
  const state: [string, string][] = newest ? [[cursorKey, newest]] : [];
  if (cursor && csv) {
    const changed = changes.filter((c) => c.modified > cursor);
    if (changed.length <= INCREMENTAL_LIMIT) {
      const files: string[] = [];
      for (const change of changed) {
        const file = path.join(dir, `${change.id.replace(/[^A-Za-z0-9._-]/g, '_')}.json`);
        await downloadTo(`${root}/${encodeURIComponent(change.id)}.json`, file);
        files.push(file);
      }
      return { files, source: `${root}/modified_id.csv`, state };
    }
  }
  const file = path.join(dir, `${ecosystem.replace(/[^A-Za-z0-9.]/g, '_')}-all.zip`);
  await downloadTo(`${root}/all.zip`, file);
  return { files: [file], source: `${root}/all.zip`, state };
}

/** modified_id.csv: `<ISO time>,<id>` per line. */
export function parseModifiedIds(text: string): { modified: string; id: string }[] {
  const out: { modified: string; id: string }[] = [];
  for (const line of text.split('\n')) {
    const m = /^(\d{4}-\d\d-\d\dT[^,]+),([^,\s]+)\s*$/.exec(line.trim());
    if (m) out.push({ modified: m[1]!, id: m[2]! });
  }
  return out;
}
