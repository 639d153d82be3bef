import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../../../test/helpers/temp-dir.js';
import type { AffectedPackage, Vulnerability } from '../model.js';
import { openPostgresStore } from './postgres/index.js';
import { openSqliteStore } from './sqlite/index.js';
import { createScratchDatabase } from './testing/scratch-postgres.js';
import type { VulnStore } from './types.js';

/** How to get a fresh store, and a second handle on the same database (another "process"). */
interface Backend {
  name: string;
  fresh(): Promise<{ store: VulnStore; again(): Promise<VulnStore> }>;
}

const dir = tempDir('customs-store-');
let counter = 0;
const sqlite: Backend = {
  name: 'sqlite',
  fresh: async () => {
    const file = join(dir, `db-${counter++}.sqlite`);
    return { store: openSqliteStore(file), again: async () => openSqliteStore(file) };
  },
};

const scratch = await createScratchDatabase();
const postgresAvailable = scratch !== undefined;
// Said in the test list, not on the console: a skipped suite named for why it skipped.
if (!postgresAvailable)
  describe('VulnStore conformance: postgres', () => {
    it.skip('skipped: no PostgreSQL server reachable (set CUSTOMS_TEST_POSTGRES_URL)', () => undefined);
  });
afterAll(async () => scratch?.drop());
const postgres: Backend = {
  name: 'postgres',
  fresh: async () => {
    // One scratch database per run; each test clears it through a fresh schema-less start.
    const store = await openPostgresStore(scratch!.url);
    const pg = await import('pg');
    const c = new pg.default.Client({ connectionString: scratch!.url });
    await c.connect();
    await c.query(
      'TRUNCATE vulnerabilities, aliases, cvss, vuln_references, affected, epss, kev, providers, sync_state',
    );
    await c.end();
    return { store, again: () => openPostgresStore(scratch!.url) };
  },
};

function vuln(id: string, provider: string, extra: Partial<Vulnerability> = {}): Vulnerability {
  return { id, aliases: [], severity: 'high', cvss: [], references: [], provider, ...extra };
}

function pkg(
  id: string,
  provider: string,
  name: string,
  extra: Partial<AffectedPackage> = {},
): AffectedPackage {
  return {
    vulnerabilityId: id,
    namespace: 'npm',
    package: name,
    scheme: 'semver',
    ranges: [{ introduced: '0', fixed: '1.2.3' }],
    fixState: 'fixed',
    fixedVersions: ['1.2.3'],
    provider,
    ...extra,
  };
}

describe.each([sqlite, ...(postgresAvailable ? [postgres] : [])])(
  'VulnStore conformance: $name',
  (backend) => {
    let store: VulnStore;
    let again: () => Promise<VulnStore>;
    beforeAll(async () => undefined);

    async function setup(): Promise<void> {
      ({ store, again } = await backend.fresh());
    }

    it('starts empty with the schema version', async () => {
      await setup();
      const status = await store.status();
      expect(status.schemaVersion).toBe(1);
      expect(status.providers).toEqual([]);
      expect(status.epss.scores).toBe(0);
      expect(await store.affectedBy('npm', 'lodash')).toEqual([]);
      await store.close();
    });

    it('round-trips every field of a record', async () => {
      await setup();
      const v = vuln('GHSA-aaaa', 'osv', {
        aliases: ['CVE-2024-1'],
        summary: 'prototype pollution',
        description: 'long text',
        cvss: [
          {
            version: '3.1',
            vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
            baseScore: 9.8,
            source: 'ghsa',
          },
        ],
        published: '2024-01-01T00:00:00Z',
        modified: '2024-02-01T00:00:00Z',
        references: ['https://example.test/a', 'https://example.test/b'],
      });
      const a = pkg('GHSA-aaaa', 'osv', 'lodash', {
        versions: ['1.0.0'],
        constraints: ['<1.2.3'],
        severity: 'critical',
        fixPublished: '2024-01-02',
        ranges: [{ introduced: '1.0.0', lowerExclusive: true, lastAffected: '1.2.2' }],
      });
      const session = await store.begin();
      await session.putVulnerability(v, [a]);
      await session.recordProvider({
        provider: 'osv',
        lastSync: '2024-03-01T00:00:00Z',
        source: 'import:x',
        rejected: 2,
      });
      await session.commit();
      expect(await store.affectedBy('npm', 'lodash')).toEqual([a]);
      const read = (await store.vulnerabilities(['GHSA-aaaa'])).get('GHSA-aaaa');
      expect(read).toEqual({
        ...v,
        references: expect.arrayContaining(v.references) as unknown,
        ratings: [{ provider: 'osv', severity: v.severity, cvss: v.cvss }],
      });
      expect(read?.references).toHaveLength(2);
      const status = await store.status();
      expect(status.providers).toEqual([
        {
          provider: 'osv',
          vulnerabilities: 1,
          affected: 1,
          lastSync: '2024-03-01T00:00:00Z',
          source: 'import:x',
          rejected: 2,
        },
      ]);
      expect(status.lastSync).toBe('2024-03-01T00:00:00Z');
      expect(await store.namespaces()).toEqual(['npm']);
      await store.close();
    });

    it('moves its generation on a commit, seen by another connection, and not on a rollback', async () => {
      await setup();
      const other = await again();
      const start = await other.generation();
      const rolledBack = await store.begin();
      await rolledBack.putVulnerability(vuln('V-1', 'osv'), [pkg('V-1', 'osv', 'left-pad')]);
      await rolledBack.rollback();
      expect(await other.generation()).toBe(start);
      const committed = await store.begin();
      await committed.putVulnerability(vuln('V-1', 'osv'), [pkg('V-1', 'osv', 'left-pad')]);
      await committed.commit();
      const after = await other.generation();
      expect(after).toBeGreaterThan(start);
      expect(await store.generation()).toBe(after);
      await other.close();
      await store.close();
    });

    it('shows nothing before commit and nothing after rollback', async () => {
      await setup();
      const other = await again();
      const session = await store.begin();
      await session.putVulnerability(vuln('V-1', 'osv'), [pkg('V-1', 'osv', 'left-pad')]);
      await session.recordProvider({ provider: 'osv', lastSync: '2024-01-01T00:00:00Z', rejected: 0 });
      expect(await other.affectedBy('npm', 'left-pad')).toEqual([]);
      expect(await store.affectedBy('npm', 'left-pad')).toEqual([]);
      await session.rollback();
      expect(await other.affectedBy('npm', 'left-pad')).toEqual([]);
      expect((await other.status()).providers).toEqual([]);
      const second = await store.begin();
      await second.putVulnerability(vuln('V-1', 'osv'), [pkg('V-1', 'osv', 'left-pad')]);
      await second.commit();
      expect(await other.affectedBy('npm', 'left-pad')).toHaveLength(1);
      await other.close();
      await store.close();
    });

    it('replaceProvider drops what the provider wrote before, and only that provider', async () => {
      await setup();
      const s1 = await store.begin();
      await s1.putVulnerability(vuln('OLD-1', 'osv'), [pkg('OLD-1', 'osv', 'a')]);
      await s1.putVulnerability(vuln('KEEP-1', 'osv'), [pkg('KEEP-1', 'osv', 'b')]);
      await s1.putVulnerability(vuln('D-1', 'debian'), [
        pkg('D-1', 'debian', 'a', { namespace: 'debian:12', scheme: 'deb' }),
      ]);
      await s1.commit();
      const s2 = await store.begin();
      await s2.replaceProvider('osv');
      await s2.putVulnerability(vuln('KEEP-1', 'osv', { severity: 'low' }), [pkg('KEEP-1', 'osv', 'c')]);
      await s2.commit();
      expect(await store.affectedBy('npm', 'a')).toEqual([]);
      expect(await store.affectedBy('npm', 'b')).toEqual([]);
      expect((await store.affectedBy('npm', 'c')).map((x) => x.vulnerabilityId)).toEqual(['KEEP-1']);
      expect(await store.affectedBy('debian:12', 'a')).toHaveLength(1);
      const ids = await store.vulnerabilities(['OLD-1', 'KEEP-1', 'D-1']);
      expect([...ids.keys()].sort()).toEqual(['D-1', 'KEEP-1']);
      expect(ids.get('KEEP-1')?.severity).toBe('low');
      await store.close();
    });

    it('merges a record written twice in one session (one CVE, several packages)', async () => {
      await setup();
      const s = await store.begin();
      await s.putVulnerability(vuln('CVE-2024-9', 'debian', { aliases: ['DSA-1'], summary: 'x' }), [
        pkg('CVE-2024-9', 'debian', 'openssl', { namespace: 'debian:12', scheme: 'deb' }),
      ]);
      await s.putVulnerability(vuln('CVE-2024-9', 'debian', { aliases: ['DSA-2'] }), [
        pkg('CVE-2024-9', 'debian', 'glibc', { namespace: 'debian:12', scheme: 'deb' }),
      ]);
      await s.replaceProvider('debian');
      await s.commit();
      const many = await store.affectedByMany([
        { namespace: 'debian:12', package: 'openssl' },
        { namespace: 'debian:12', package: 'glibc' },
        { namespace: 'debian:12', package: 'zlib' },
      ]);
      expect(many.get('debian:12\u0000openssl')).toHaveLength(1);
      expect(many.get('debian:12\u0000glibc')).toHaveLength(1);
      expect(many.get('debian:12\u0000zlib')).toEqual([]);
      const v = (await store.vulnerabilities(['CVE-2024-9'])).get('CVE-2024-9');
      expect(v?.aliases.sort()).toEqual(['DSA-1', 'DSA-2']);
      expect(v?.summary).toBe('x');
      await store.close();
    });

    it('joins one id from two providers, hides withdrawn records, batches big lookups', async () => {
      await setup();
      const s = await store.begin();
      await s.putVulnerability(
        vuln('CVE-2024-5', 'nvd', { description: 'nvd text', severity: 'critical', references: ['r1'] }),
        [],
      );
      await s.putVulnerability(vuln('CVE-2024-5', 'debian', { severity: 'low', references: ['r2'] }), [
        pkg('CVE-2024-5', 'debian', 'zlib', { namespace: 'debian:12', scheme: 'deb' }),
      ]);
      await s.putVulnerability(vuln('GO-1', 'osv', { withdrawn: '2024-01-01T00:00:00Z' }), [
        pkg('GO-1', 'osv', 'example.com/m', { namespace: 'go', scheme: 'golang' }),
      ]);
      for (let i = 0; i < 450; i++)
        await s.putVulnerability(vuln(`N-${i}`, 'osv'), [pkg(`N-${i}`, 'osv', `p${i}`)]);
      await s.commit();
      const v = (await store.vulnerabilities(['CVE-2024-5'])).get('CVE-2024-5');
      expect(v?.description).toBe('nvd text');
      expect(v?.severity).toBe('critical');
      expect(v?.ratings?.map((r) => [r.provider, r.severity])).toEqual([
        ['nvd', 'critical'],
        ['debian', 'low'],
      ]);
      expect(v?.references.sort()).toEqual(['r1', 'r2']);
      expect(await store.affectedBy('go', 'example.com/m')).toEqual([]);
      const keys = Array.from({ length: 450 }, (_, i) => ({ namespace: 'npm', package: `p${i}` }));
      const many = await store.affectedByMany(keys);
      expect([...many.values()].every((list) => list.length === 1)).toBe(true);
      expect(many.size).toBe(450);
      await store.close();
    });

    it('stores EPSS and KEV, replaces them per provider, and reports them', async () => {
      await setup();
      const s = await store.begin();
      await s.putVulnerability(vuln('CVE-2024-7', 'nvd'), []);
      await s.putEpss({ cve: 'CVE-2024-7', score: 0.00043, percentile: 0.12, date: '2025-08-01' });
      await s.putEpss({ cve: 'CVE-2024-8', score: 0.5, percentile: 0.9, date: '2025-08-01' });
      await s.putKev({
        cve: 'CVE-2024-7',
        dateAdded: '2025-01-01',
        knownRansomwareCampaignUse: false,
        product: 'p',
      });
      await s.setKevCatalogVersion('2025.08.25');
      await s.commit();
      const v = (await store.vulnerabilities(['CVE-2024-7'])).get('CVE-2024-7');
      expect(v?.epss).toEqual({ cve: 'CVE-2024-7', score: 0.00043, percentile: 0.12, date: '2025-08-01' });
      expect(v?.kev).toEqual({
        cve: 'CVE-2024-7',
        dateAdded: '2025-01-01',
        knownRansomwareCampaignUse: false,
        product: 'p',
      });
      const s2 = await store.begin();
      await s2.putEpss({ cve: 'CVE-2024-8', score: 0.6, percentile: 0.95, date: '2025-08-02' });
      await s2.replaceProvider('epss');
      await s2.commit();
      const status = await store.status();
      expect(status.epss).toEqual({ scores: 1, date: '2025-08-02' });
      expect(status.kev).toEqual({ entries: 1, catalogVersion: '2025.08.25' });
      await store.close();
    });

    it('scores a record that is not a CVE through the CVEs it aliases (EPSS: the highest; KEV)', async () => {
      await setup();
      const s = await store.begin();
      await s.putVulnerability(
        vuln('GHSA-aaaa-bbbb-cccc', 'osv', { aliases: ['CVE-2024-7', 'CVE-2024-8'] }),
        [],
      );
      await s.putVulnerability(vuln('DSA-5678-1', 'debian-dsa', { aliases: ['CVE-2024-9'] }), []);
      await s.putVulnerability(vuln('GHSA-none-none-none', 'osv', { aliases: ['PYSEC-2024-1'] }), []);
      await s.putEpss({ cve: 'CVE-2024-7', score: 0.1, percentile: 0.5, date: '2025-08-01' });
      await s.putEpss({ cve: 'CVE-2024-8', score: 0.7, percentile: 0.97, date: '2025-08-01' });
      await s.putKev({ cve: 'CVE-2024-7', dateAdded: '2025-01-01' });
      await s.commit();
      const got = await store.vulnerabilities(['GHSA-aaaa-bbbb-cccc', 'DSA-5678-1', 'GHSA-none-none-none']);
      expect(got.get('GHSA-aaaa-bbbb-cccc')?.epss).toEqual({
        cve: 'CVE-2024-8',
        score: 0.7,
        percentile: 0.97,
        date: '2025-08-01',
      });
      expect(got.get('GHSA-aaaa-bbbb-cccc')?.kev).toEqual({ cve: 'CVE-2024-7', dateAdded: '2025-01-01' });
      expect(got.get('DSA-5678-1')?.epss).toBeUndefined();
      expect(got.get('GHSA-none-none-none')?.epss).toBeUndefined();
      expect(got.get('GHSA-none-none-none')?.kev).toBeUndefined();
      await store.close();
    });

    it('keeps sync state with the session that wrote it', async () => {
      await setup();
      const s = await store.begin();
      await s.setSyncState('osv:Go', '{"modified":"2024"}');
      await s.rollback();
      expect(await store.syncState('osv:Go')).toBeUndefined();
      const s2 = await store.begin();
      await s2.setSyncState('osv:Go', 'v2');
      await s2.commit();
      expect(await store.syncState('osv:Go')).toBe('v2');
      await expect(s2.commit()).rejects.toThrow(/already committed/);
      await store.close();
    });
  },
);
