// Fixtures the use-case and CLI tests share: a one-policy bundle that maps every image, and a
// SQLite database holding one lodash advisory.
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { affected, vulnerability } from './memory-vuln-store.js';

/** An Anchore 1_0 bundle document: one policy with `rules`, mapped to every image. */
export function everyImageBundle(rules: unknown[], name = 'test bundle'): Record<string, unknown> {
  return {
    id: 'b',
    version: '1_0',
    name,
    policies: [{ id: 'p', version: '1_0', name: 'p', rules }],
    mappings: [
      {
        id: 'm',
        name: 'all',
        registry: '*',
        repository: '*',
        image: { type: 'tag', value: '*' },
        policy_ids: ['p'],
        whitelist_ids: [],
      },
    ],
    whitelists: [],
  };
}

export const LODASH_ADVISORY = 'GHSA-jf85-cpcp-j695';

/** Writes a database at `file` whose one record is critical for npm lodash < 4.17.12. */
export async function writeLodashDatabase(file: string): Promise<void> {
  const store = openSqliteStore(file);
  const session = await store.begin();
  await session.putVulnerability(vulnerability(LODASH_ADVISORY, { severity: 'critical' }), [
    affected(LODASH_ADVISORY, 'npm', 'lodash', {
      scheme: 'semver',
      ranges: [{ introduced: '0', fixed: '4.17.12' }],
      fixedVersions: ['4.17.12'],
    }),
  ]);
  await session.recordProvider({ provider: 'test', lastSync: new Date().toISOString(), rejected: 0 });
  await session.commit();
  await store.close();
}
