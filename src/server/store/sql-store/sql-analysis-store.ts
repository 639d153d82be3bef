import type { Sbom } from '../../../model/sbom.js';
import { sbomDiffIds, type KnownImage } from '../../../provenance/index.js';
import type { ScanReport } from '../../../scan/types.js';
import { packageContent, type PackageContent } from '../../views/package-content.js';
import { policySbomOf } from '../../views/policy-sbom.js';
import { vulnerabilityView, type VulnerabilityView } from '../../views/vulnerability-view.js';
import { placeholderList } from '../sql/placeholders.js';
import type { SqlDriver, SqlExecutor, SqlValue } from '../sql/sql-driver.js';
import type { AnalysisStore, Page, PackageRow, PageRequest, VulnerabilityRow } from '../types.js';
import { lookupKeys } from '../../../matcher/lookup-keys.js';
import { insertRows } from './batched-insert.js';
import { writeLookups } from './sql-lookup-index.js';
import { ParsedDocumentCache } from './parsed-document-cache.js';
import { fromJson, optional, toJson } from './row-values.js';

interface PackageIndexRow {
  digest: string;
  type: string;
  name: string;
  version: string;
  purl: string | null;
}

interface VulnerabilityIndexRow {
  digest: string;
  vulnerability_id: string;
  severity: string;
  package_name: string;
  package_version: string;
  package_type: string;
  fix_state: string;
  fix_versions: string;
}

/** The per-route projections kept in analysis_views, by their view name. */
const PACKAGE_CONTENT_VIEW = 'package-content';
const VULNERABILITIES_VIEW = 'vulnerabilities';
const SCAN_WITHOUT_SBOM_VIEW = 'scan-without-sbom';
const POLICY_SBOM_VIEW = 'policy-sbom';
/** The image's layer diffIds, bottom first (JSON null when some are unknown): what provenance reads. */
const LAYERS_VIEW = 'layers';

/** Analysis results belong to a digest; an account sees them through its own images only. */
/** JSON text of parsed SBOMs (and, apart, of scans) kept in memory per store: 16 MiB each. */
const CACHED_TEXT = 16 * 1024 * 1024;

export class SqlAnalysisStore implements AnalysisStore {
  private readonly sboms = new ParsedDocumentCache<Sbom>(CACHED_TEXT);
  private readonly scans = new ParsedDocumentCache<ScanReport>(CACHED_TEXT);

  constructor(private readonly db: SqlDriver) {}

  async putSbom(digest: string, sbom: Sbom, at: string): Promise<void> {
    this.sboms.delete(digest);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO analyses (digest, sbom, created_at, updated_at) VALUES ($1, $2, $3, $3)
         ON CONFLICT (digest) DO UPDATE SET sbom = excluded.sbom, updated_at = excluded.updated_at`,
        [digest, toJson(sbom), at],
      );
      await tx.query('DELETE FROM analysis_packages WHERE digest = $1', [digest]);
      await insertRows(
        tx,
        'analysis_packages',
        ['digest', 'name', 'type', 'version', 'purl'],
        sbom.packages.map((p) => [digest, p.name, p.type, p.version, p.purl ?? null]),
      );
      await writeLookups(tx, digest, lookupKeys(sbom));
      await putView(tx, digest, PACKAGE_CONTENT_VIEW, sbom.packages.map(packageContent));
      await putView(tx, digest, POLICY_SBOM_VIEW, policySbomOf(sbom));
      await putView(tx, digest, LAYERS_VIEW, sbomDiffIds(sbom) ?? null);
    });
  }

  /**
   * The layer diffIds of every image of the account that has a stored SBOM with all its diffIds
   * known. One pass over the account's images (the images primary key), each joined to one short
   * projection row (~72 bytes a layer): bounded by the account's image count, no SBOM is read.
   * An analysis stored before the projection existed is read once and its projection written then
   * (a digest's layers never change, so a late write cannot be stale).
   */
  async layerLists(accountId: string): Promise<KnownImage[]> {
    const { rows } = await this.db.query<{ digest: string; document: string | null }>(
      `SELECT i.digest, v.document FROM images i
       JOIN analyses a ON a.digest = i.digest
       LEFT JOIN analysis_views v ON v.digest = i.digest AND v.view = $2
       WHERE i.account_id = $1`,
      [accountId, LAYERS_VIEW],
    );
    const out: KnownImage[] = [];
    for (const row of rows) {
      let diffIds: string[] | null;
      if (row.document !== null) diffIds = fromJson<string[] | null>(row.document, `layers of ${row.digest}`);
      else {
        const sbom = await this.getPolicySbom(row.digest);
        diffIds = (sbom && sbomDiffIds(sbom)) ?? null;
        await putView(this.db, row.digest, LAYERS_VIEW, diffIds);
      }
      if (Array.isArray(diffIds) && diffIds.length > 0) out.push({ digest: row.digest, diffIds });
    }
    return out;
  }

  /**
   * The stored SBOM without package metadata and relationships (what a policy check reads unless
   * a rule needs them): from its stored projection, or the whole SBOM for one stored before
   * projections were.
   */
  async getPolicySbom(digest: string): Promise<Sbom | undefined> {
    const stored = await readView(this.db, 'analyses', digest, POLICY_SBOM_VIEW);
    if (!stored) return undefined;
    if (stored.document !== null) return fromJson<Sbom>(stored.document, `SBOM of ${digest}`);
    return this.getSbom(digest);
  }

  /**
   * Every package of the stored SBOM as the content routes answer it, in SBOM order: read from
   * its stored projection (a few kilobytes), or built from the whole SBOM for an analysis stored
   * before projections were.
   */
  async getPackageContent(digest: string): Promise<PackageContent[] | undefined> {
    const stored = await readView(this.db, 'analyses', digest, PACKAGE_CONTENT_VIEW);
    if (!stored) return undefined;
    if (stored.document !== null)
      return fromJson<PackageContent[]>(stored.document, `package content of ${digest}`);
    return (await this.getSbom(digest))?.packages.map(packageContent);
  }

  /** The stored SBOM, parsed once per write and shared (frozen) by every read after it. */
  async getSbom(digest: string): Promise<Sbom | undefined> {
    const stamp = await this.db.query<{ updated_at: string }>(
      'SELECT updated_at FROM analyses WHERE digest = $1',
      [digest],
    );
    const at = stamp.rows[0]?.updated_at;
    if (at === undefined) return undefined;
    const cached = this.sboms.get(digest, at);
    if (cached) return cached;
    const { rows } = await this.db.query<{ sbom: string; updated_at: string }>(
      'SELECT sbom, updated_at FROM analyses WHERE digest = $1',
      [digest],
    );
    const row = rows[0];
    if (!row) return undefined;
    const sbom = fromJson<Sbom>(row.sbom, `SBOM of ${digest}`);
    return this.sboms.set(digest, row.updated_at, sbom, row.sbom.length);
  }

  async putScan(digest: string, scan: ScanReport, at: string): Promise<void> {
    this.scans.delete(digest);
    await this.db.transaction(async (tx) => {
      await tx.query(
        `INSERT INTO scans (digest, scan, scanned_at) VALUES ($1, $2, $3)
         ON CONFLICT (digest) DO UPDATE SET scan = excluded.scan, scanned_at = excluded.scanned_at`,
        [digest, toJson(scan), at],
      );
      await tx.query('DELETE FROM scan_vulnerabilities WHERE digest = $1', [digest]);
      await insertRows(
        tx,
        'scan_vulnerabilities',
        [
          'digest',
          'vulnerability_id',
          'severity',
          'package_name',
          'package_version',
          'package_type',
          'fix_state',
          'fix_versions',
        ],
        scan.matches.map((m) => [
          digest,
          m.vulnerability.id,
          m.vulnerability.severity,
          m.package.name,
          m.package.version,
          m.package.type,
          m.vulnerability.fix.state,
          toJson(m.vulnerability.fix.versions),
        ]),
      );
      await putView(tx, digest, VULNERABILITIES_VIEW, scan.matches.map(vulnerabilityView));
      const { sbom: _embedded, ...withoutSbom } = scan;
      await putView(tx, digest, SCAN_WITHOUT_SBOM_VIEW, withoutSbom);
    });
  }

  /**
   * Every match of the latest scan as the vulnerability routes answer it, in scan order: read
   * from its stored projection, or built from the whole scan for one stored before projections were.
   */
  async getVulnerabilityViews(
    digest: string,
  ): Promise<{ vulnerabilities: VulnerabilityView[]; at: string } | undefined> {
    const view = await readView(this.db, 'scans', digest, VULNERABILITIES_VIEW);
    if (!view) return undefined;
    if (view.document !== null)
      return {
        vulnerabilities: fromJson<VulnerabilityView[]>(view.document, `vulnerabilities of ${digest}`),
        at: view.at,
      };
    const stored = await this.getScan(digest);
    return stored && { vulnerabilities: stored.scan.matches.map(vulnerabilityView), at: stored.at };
  }

  /** The latest scan, parsed once per write and shared (frozen) by every read after it. */
  async getScan(digest: string): Promise<{ scan: ScanReport; at: string } | undefined> {
    const stamp = await this.db.query<{ scanned_at: string }>(
      'SELECT scanned_at FROM scans WHERE digest = $1',
      [digest],
    );
    const at = stamp.rows[0]?.scanned_at;
    if (at === undefined) return undefined;
    const cached = this.scans.get(digest, at);
    if (cached) return { scan: cached, at };
    const { rows } = await this.db.query<{ scan: string; scanned_at: string }>(
      'SELECT scan, scanned_at FROM scans WHERE digest = $1',
      [digest],
    );
    const row = rows[0];
    if (!row) return undefined;
    const scan = fromJson<ScanReport>(row.scan, `scan of ${digest}`);
    return { scan: this.scans.set(digest, row.scanned_at, scan, row.scan.length), at: row.scanned_at };
  }

  /**
   * The latest scan without the SBOM it embeds (its matches, database and source are a small
   * part of the text): from its stored projection, or cut from the whole scan for one stored
   * before projections were.
   */
  async getScanWithoutSbom(
    digest: string,
  ): Promise<{ scan: Omit<ScanReport, 'sbom'>; at: string } | undefined> {
    const view = await readView(this.db, 'scans', digest, SCAN_WITHOUT_SBOM_VIEW);
    if (!view) return undefined;
    if (view.document !== null)
      return { scan: fromJson<Omit<ScanReport, 'sbom'>>(view.document, `scan of ${digest}`), at: view.at };
    const stored = await this.getScan(digest);
    if (!stored) return undefined;
    const { sbom: _embedded, ...scan } = stored.scan;
    return { scan, at: stored.at };
  }

  async imagesByPackage(
    accountId: string,
    query: { name: string; type?: string; version?: string },
    page: PageRequest,
  ): Promise<Page<{ digest: string; packages: PackageRow[] }>> {
    const params: SqlValue[] = [accountId, query.name];
    let match = 'p.name = $2';
    if (query.type !== undefined) {
      params.push(query.type);
      match += ` AND p.type = $${params.length}`;
    }
    if (query.version !== undefined) {
      params.push(query.version);
      match += ` AND p.version = $${params.length}`;
    }
    const from = `FROM analysis_packages p WHERE ${match}
      AND p.digest IN (SELECT i.digest FROM images i WHERE i.account_id = $1)`;
    const total = await this.db.query<{ total: number }>(
      `SELECT COUNT(DISTINCT p.digest) AS total ${from}`,
      params,
    );
    const digests = await this.db.query<{ digest: string }>(
      `SELECT DISTINCT p.digest ${from} ORDER BY p.digest LIMIT $${params.length + 1} OFFSET $${params.length + 2}`,
      [...params, page.limit, page.offset],
    );
    const pageDigests = digests.rows.map((row) => row.digest);
    if (pageDigests.length === 0) return { items: [], total: Number(total.rows[0]?.total ?? 0) };
    const rows = await this.db.query<PackageIndexRow>(
      `SELECT p.digest, p.type, p.name, p.version, p.purl FROM analysis_packages p
       WHERE ${match} AND p.digest IN (${placeholderList(params.length + 1, pageDigests.length)})
         AND p.digest IN (SELECT i.digest FROM images i WHERE i.account_id = $1)
       ORDER BY p.digest, p.type, p.version`,
      [...params, ...pageDigests],
    );
    const byDigest = group(pageDigests, rows.rows, (row): PackageRow => {
      const pkg: PackageRow = { type: row.type, name: row.name, version: row.version };
      const purl = optional(row.purl);
      if (purl) pkg.purl = purl;
      return pkg;
    });
    return {
      items: pageDigests.map((digest) => ({ digest, packages: byDigest.get(digest) ?? [] })),
      total: Number(total.rows[0]?.total ?? 0),
    };
  }

  async imagesByVulnerability(
    accountId: string,
    vulnerabilityId: string,
    page: PageRequest,
  ): Promise<Page<{ digest: string; vulnerabilities: VulnerabilityRow[] }>> {
    const params: SqlValue[] = [accountId, vulnerabilityId];
    const from = `FROM scan_vulnerabilities v WHERE v.vulnerability_id = $2
      AND v.digest IN (SELECT i.digest FROM images i WHERE i.account_id = $1)`;
    const total = await this.db.query<{ total: number }>(
      `SELECT COUNT(DISTINCT v.digest) AS total ${from}`,
      params,
    );
    const digests = await this.db.query<{ digest: string }>(
      `SELECT DISTINCT v.digest ${from} ORDER BY v.digest LIMIT $3 OFFSET $4`,
      [...params, page.limit, page.offset],
    );
    const pageDigests = digests.rows.map((row) => row.digest);
    if (pageDigests.length === 0) return { items: [], total: Number(total.rows[0]?.total ?? 0) };
    const rows = await this.db.query<VulnerabilityIndexRow>(
      `SELECT * FROM scan_vulnerabilities v
       WHERE v.vulnerability_id = $1 AND v.digest IN (${placeholderList(2, pageDigests.length)})
       ORDER BY v.digest, v.package_name, v.package_version`,
      [vulnerabilityId, ...pageDigests],
    );
    const byDigest = group(pageDigests, rows.rows, (row): VulnerabilityRow => ({
      vulnerabilityId: row.vulnerability_id,
      severity: row.severity,
      packageName: row.package_name,
      packageVersion: row.package_version,
      packageType: row.package_type,
      fixState: row.fix_state,
      fixVersions: fromJson<string[]>(row.fix_versions, 'fix versions'),
    }));
    return {
      items: pageDigests.map((digest) => ({ digest, vulnerabilities: byDigest.get(digest) ?? [] })),
      total: Number(total.rows[0]?.total ?? 0),
    };
  }
}

/**
 * One projection beside the row it was made from: undefined when there is no such row, the
 * stored document, or null for a row stored before projections were (the caller builds it).
 * `at` is the row's write time (a scan's scanned_at, an analysis's updated_at).
 */
async function readView(
  db: SqlExecutor,
  source: 'analyses' | 'scans',
  digest: string,
  view: string,
): Promise<{ document: string | null; at: string } | undefined> {
  const stamp = source === 'scans' ? 's.scanned_at' : 's.updated_at';
  const { rows } = await db.query<{ at: string; document: string | null }>(
    `SELECT ${stamp} AS at, v.document FROM ${source} s
     LEFT JOIN analysis_views v ON v.digest = s.digest AND v.view = $2
     WHERE s.digest = $1`,
    [digest, view],
  );
  return rows[0];
}

async function putView(tx: SqlExecutor, digest: string, view: string, document: unknown): Promise<void> {
  await tx.query(
    `INSERT INTO analysis_views (digest, view, document) VALUES ($1, $2, $3)
     ON CONFLICT (digest, view) DO UPDATE SET document = excluded.document`,
    [digest, view, toJson(document)],
  );
}

function group<R extends { digest: string }, T>(
  digests: string[],
  rows: R[],
  map: (row: R) => T,
): Map<string, T[]> {
  const out = new Map<string, T[]>(digests.map((d) => [d, []]));
  for (const row of rows) out.get(row.digest)?.push(map(row));
  return out;
}
