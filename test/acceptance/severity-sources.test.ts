// Acceptance: where severities come from, on real feeds (Debian 12 changelog data as tracker JSON
// and OSV, the NVD sample, ruby-advisory-db, OSV Go/PyPI, GitHub npm advisories) and the real
// bookworm and polyglot images. The oracle reads the SQLite file directly: a row is `unknown`
// exactly when nothing in the database rates its id or its CVE/GHSA aliases; a rated row says
// which id rated it, and a CVSS-rated one sits in the band of its score; no CVE shows on a deb
// and on a package it owns. bench/severity-sources.mjs prints the shares. Skips without ../shared.
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ScanReport } from '../../src/scan/types.js';
import { scanSbom } from '../../src/scan/scan-sbom.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { severityFromScore } from '../../src/vulndb/cvss/index.js';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { getTestImages } from '../images/index.js';
import { SHARED_DATA } from '../helpers/shared-data.js';

const VULNDB = path.join(SHARED_DATA, 'vulndb');
const FEEDS = ['debian', 'nvd-sample', 'rubysec', 'osv/go', 'osv/pypi', 'osv/npm-ghsa-sample'].map((f) =>
  path.join(VULNDB, f),
);

describe.skipIf(!FEEDS.every((f) => existsSync(f)))('severity sources on real feeds', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'customs-severity-'));
  const file = path.join(dir, 'vuln.db');
  const reports = new Map<string, ScanReport>();
  let rated: (id: string, namespace: string, pkg: string) => boolean;
  let aliasesOf: (id: string) => string[];
  let db: Database.Database | undefined;

  beforeAll(async () => {
    const store = openSqliteStore(file);
    try {
      await importFeeds(store, FEEDS, { parsers: FEED_PARSERS });
      const { bookworm, polyglot } = getTestImages().images;
      for (const [name, image] of [
        ['bookworm', bookworm],
        ['polyglot', polyglot],
      ] as const) {
        reports.set(name, await scanSbom(await generateSbom(`oci-dir:${image.ociDir}:${image.tag}`), store));
      }
    } finally {
      await store.close();
    }
    db = new Database(file, { readonly: true });
    const ratedIds = new Set(
      (
        db
          .prepare(
            `SELECT id FROM vulnerabilities WHERE severity <> 'unknown' AND withdrawn IS NULL
             UNION SELECT c.vulnerability_id FROM cvss c JOIN vulnerabilities v
               ON v.provider = c.provider AND v.id = c.vulnerability_id WHERE v.withdrawn IS NULL`,
          )
          .all() as { id: string }[]
      ).map((r) => r.id),
    );
    const ratedAffected = db.prepare(
      `SELECT 1 FROM affected WHERE vulnerability_id = ? AND namespace = ? AND package = ?
         AND severity IS NOT NULL AND severity <> 'unknown'`,
    );
    const aliases = db.prepare('SELECT DISTINCT alias FROM aliases WHERE vulnerability_id = ?');
    aliasesOf = (id) => (aliases.all(id) as { alias: string }[]).map((r) => r.alias);
    rated = (id, namespace, pkg) =>
      ratedAffected.get(id, namespace, pkg) !== undefined ||
      [id, ...aliasesOf(id).filter((a) => /^(CVE|GHSA)-/.test(a))].some((x) => ratedIds.has(x));
  });
  afterAll(() => {
    db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['bookworm', 'polyglot'])(
    '%s: unknown exactly where nothing in the database rates the flaw',
    (name) => {
      const report = reports.get(name)!;
      expect(report.matches.length).toBeGreaterThan(0);
      const wrong = report.matches.filter(
        (m) =>
          (m.vulnerability.severity !== 'unknown') !==
          rated(m.vulnerability.id, m.details.namespace, m.details.searchedName),
      );
      expect(wrong.map((m) => `${m.package.name} ${m.vulnerability.id} ${m.vulnerability.severity}`)).toEqual(
        [],
      );
    },
  );

  it.each(['bookworm', 'polyglot'])(
    '%s: a rated row names the id that rated it; a CVSS score sits in its band',
    (name) => {
      for (const m of reports.get(name)!.matches) {
        const { severity, severitySource: from, id } = m.vulnerability;
        if (severity === 'unknown') {
          expect(from).toBeUndefined();
          continue;
        }
        expect(from, `${m.package.name} ${id}`).toBeDefined();
        expect([id, ...aliasesOf(id)]).toContain(from!.id);
        if (from!.cvss) expect(severityFromScore(from!.cvss.baseScore, from!.cvss.version)).toBe(severity);
      }
    },
  );

  it('polyglot: no CVE shows on both a deb and a language package the deb owns', () => {
    const report = reports.get('polyglot')!;
    const byId = new Map(report.sbom.packages.map((p) => [p.id, p]));
    const keys = new Set(report.matches.map((m) => `${m.package.id} ${m.vulnerability.id}`));
    const twice = report.matches.filter((m) => {
      const owner = byId.get(m.package.id)?.ownedBy;
      return owner !== undefined && keys.has(`${owner} ${m.vulnerability.id}`);
    });
    expect(twice.map((m) => `${m.package.name} ${m.vulnerability.id}`)).toEqual([]);
    expect(report.matches.filter((m) => m.details.kind === 'os-owned')).toEqual([]);
  });
});
