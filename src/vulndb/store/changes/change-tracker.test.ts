import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-dir.js';
import type { AffectedPackage, Vulnerability } from '../../model.js';
import { openPostgresStore } from '../postgres/index.js';
import { openSqliteStore } from '../sqlite/index.js';
import { createScratchDatabase } from '../testing/scratch-postgres.js';
import type { PackageChanges, VulnStore } from '../types.js';

const scratch = await createScratchDatabase();
afterAll(async () => scratch?.drop());
const dir = tempDir('customs-changes-');

const vuln = (id: string, fields: Partial<Vulnerability> = {}): Vulnerability => ({
  id,
  aliases: [],
  severity: 'high',
  cvss: [],
  references: [],
  provider: 'osv',
  ...fields,
});
const affected = (id: string, name: string, fixed: string): AffectedPackage => ({
  vulnerabilityId: id,
  provider: 'osv',
  namespace: 'npm',
  package: name,
  scheme: 'semver',
  ranges: [{ introduced: '0', fixed }],
  fixState: 'fixed',
  fixedVersions: [fixed],
});

/** One session: the records given, then replaceProvider; what it changed. */
async function write(
  store: VulnStore,
  records: [Vulnerability, AffectedPackage[]][],
  kev: string[] = [],
): Promise<PackageChanges> {
  const session = await store.begin();
  for (const [v, a] of records) await session.putVulnerability(v, a);
  for (const cve of kev) await session.putKev({ cve, dateAdded: '2026-01-01' });
  await session.replaceProvider('osv');
  if (kev.length) await session.replaceProvider('kev');
  await session.commit();
  return session.changes();
}

const names = (c: PackageChanges) => c.packages.map((p) => `${p.namespace}/${p.package}`);

const backends: [string, () => Promise<VulnStore>][] = [
  ['sqlite', async () => openSqliteStore(join(dir, `changes-${Date.now()}.db`))],
];
if (scratch) backends.push(['postgres', () => openPostgresStore(scratch.url)]);

for (const [name, open] of backends) {
  describe(`write session changes: ${name}`, () => {
    it('names the pairs whose records changed, nothing for identical data, old pairs of removed records', async () => {
      const store = await open();
      try {
        const lodash: [Vulnerability, AffectedPackage[]] = [
          vuln('GHSA-1'),
          [affected('GHSA-1', 'lodash', '4.17.12')],
        ];
        const express: [Vulnerability, AffectedPackage[]] = [
          vuln('GHSA-2'),
          [affected('GHSA-2', 'express', '5.0.0')],
        ];
        const first = await write(store, [lodash, express]);
        expect(first.complete).toBe(true);
        expect(names(first)).toEqual(['npm/express', 'npm/lodash']);
        expect(names(await write(store, [lodash, express]))).toEqual([]);
        // A severity change of an unchanged affected set is a change of its pairs.
        const severe = await write(store, [[vuln('GHSA-1', { severity: 'critical' }), lodash[1]], express]);
        expect(names(severe)).toEqual(['npm/lodash']);
        // A record moved to another package changes both; a dropped one its old pair.
        const moved = await write(store, [
          [vuln('GHSA-1', { severity: 'critical' }), [affected('GHSA-1', 'left-pad', '1.0.1')]],
        ]);
        expect(names(moved)).toEqual(['npm/express', 'npm/left-pad', 'npm/lodash']);
        // A KEV entry for an id aliased by a record changes that record's pairs.
        const aliased = await write(store, [
          [
            vuln('GHSA-1', { severity: 'critical', aliases: ['CVE-2026-1'] }),
            [affected('GHSA-1', 'left-pad', '1.0.1')],
          ],
        ]);
        expect(names(aliased)).toEqual(['npm/left-pad']);
        const kev = await write(
          store,
          [
            [
              vuln('GHSA-1', { severity: 'critical', aliases: ['CVE-2026-1'] }),
              [affected('GHSA-1', 'left-pad', '1.0.1')],
            ],
          ],
          ['CVE-2026-1'],
        );
        expect(names(kev)).toEqual(['npm/left-pad']);
        // A rolled-back session changed nothing.
        const session = await store.begin();
        await session.putVulnerability(...express);
        await session.rollback();
        expect(session.changes()).toEqual({ complete: true, packages: [] });
      } finally {
        await store.close();
      }
    });
  });
}
