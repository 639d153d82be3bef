import { join } from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { vulnerability } from '../../../../test/helpers/memory-vuln-store.js';
import { tempDir } from '../../../../test/helpers/temp-dir.js';
import { byOwner, childRowsSql, ownerKey, type ChildTable } from './child-rows.js';
import { openSqliteStore } from './index.js';

describe('child rows of vulnerabilities', () => {
  it.each<ChildTable>(['aliases', 'vuln_references', 'cvss'])(
    '%s are looked up through the (provider, vulnerability_id) key, not by reading the table',
    async (table) => {
      const file = join(tempDir(), 'vuln.db');
      const store = openSqliteStore(file);
      const session = await store.begin();
      await session.commit();
      await store.close();
      const db = new Database(file, { readonly: true });
      try {
        const plan = db
          .prepare(`EXPLAIN QUERY PLAN ${childRowsSql(table, 2, 3)}`)
          .all('osv', 'nvd', 'CVE-1', 'CVE-2', 'CVE-3') as { detail: string }[];
        const details = plan.map((p) => p.detail).join('\n');
        expect(details).toMatch(new RegExp(`SEARCH ${table} USING .*INDEX`));
        expect(details).not.toMatch(new RegExp(`SCAN ${table}`));
      } finally {
        db.close();
      }
    },
  );

  it('reads aliases, references and scores back in the order they were written', async () => {
    const file = join(tempDir(), 'vuln.db');
    const store = openSqliteStore(file);
    const session = await store.begin();
    const references = ['https://z.example/3', 'https://a.example/1', 'https://m.example/2'];
    const aliases = ['GHSA-zzzz-zzzz-zzzz', 'CVE-2020-0001'];
    const cvss = [
      {
        version: '3.1',
        vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
        baseScore: 9.8,
        source: 'nvd',
      },
      { version: '2.0', vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P', baseScore: 7.5, source: 'nvd' },
    ];
    await session.putVulnerability(vulnerability('OSV-1', { references, aliases, cvss }), []);
    await session.putVulnerability(vulnerability('OSV-2', { references: [...references].reverse() }), []);
    await session.commit();
    const read = await store.vulnerabilities(['OSV-2', 'OSV-1']);
    await store.close();
    expect(read.get('OSV-1')?.references).toEqual(references);
    expect(read.get('OSV-1')?.aliases).toEqual(aliases);
    expect(read.get('OSV-1')?.cvss.map((c) => c.version)).toEqual(['3.1', '2.0']);
    expect(read.get('OSV-2')?.references).toEqual([...references].reverse());
  });

  it('groups rows by provider and vulnerability, keeping their order', () => {
    const rows = [
      { provider: 'osv', vulnerability_id: 'A', url: '1' },
      { provider: 'nvd', vulnerability_id: 'A', url: '2' },
      { provider: 'osv', vulnerability_id: 'A', url: '3' },
      { provider: 'osv', vulnerability_id: 'B', url: '4' },
    ];
    const grouped = byOwner(rows);
    expect(grouped.get(ownerKey('osv', 'A'))?.map((r) => r.url)).toEqual(['1', '3']);
    expect(grouped.get(ownerKey('nvd', 'A'))?.map((r) => r.url)).toEqual(['2']);
    expect(grouped.get(ownerKey('osv', 'B'))?.map((r) => r.url)).toEqual(['4']);
    expect(grouped.size).toBe(3);
  });
});
