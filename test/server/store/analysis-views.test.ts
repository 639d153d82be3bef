// The per-route projections written with an analysis (analysis_views): what the content,
// vulnerability and check routes read instead of the whole SBOM or scan. Each must equal what the
// whole document gives, follow a rewrite, and fall back to the document when the row is missing
// (an analysis stored before migration 2).
import { afterEach, describe, expect, it } from 'vitest';
import { openDriver, openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { packageContent } from '../../../src/server/views/package-content.js';
import { vulnerabilityView } from '../../../src/server/views/vulnerability-view.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';
import { digestOf, sbomWith, scanWith } from './fixtures.js';

const { sqlite, postgres } = await serviceStoreBackends();
const T0 = '2026-03-01T10:00:00.000Z';
const T1 = '2026-03-01T11:00:00.000Z';

describe.each([sqlite, ...(postgres ? [postgres] : [])])('analysis views: $name', (backend) => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    for (const handle of opened.splice(0)) await handle.close();
  });

  it('answers package content, vulnerabilities and the scan without its SBOM from the projections', async () => {
    const options = await backend.freshOptions();
    const store: ServiceStore = await openServiceStore(options);
    opened.push(store);
    const digest = digestOf(3);
    expect(await store.analyses.getPackageContent(digest)).toBeUndefined();
    expect(await store.analyses.getVulnerabilityViews(digest)).toBeUndefined();
    expect(await store.analyses.getScanWithoutSbom(digest)).toBeUndefined();

    const sbom = sbomWith(['lodash', '4.17.11', 'npm'], ['zlib', '1.2'], ['express', '4.0.0', 'npm']);
    const scan = scanWith(['CVE-2024-0001', 'zlib'], ['GHSA-x', 'lodash']);
    await store.analyses.putSbom(digest, sbom, T0);
    await store.analyses.putScan(digest, scan, T0);
    expect(await store.analyses.getPackageContent(digest)).toEqual(sbom.packages.map(packageContent));
    expect(await store.analyses.getVulnerabilityViews(digest)).toEqual({
      vulnerabilities: scan.matches.map(vulnerabilityView),
      at: T0,
    });
    const { sbom: _embedded, ...withoutSbom } = scan;
    expect(await store.analyses.getScanWithoutSbom(digest)).toEqual({ scan: withoutSbom, at: T0 });

    const later = scanWith(['CVE-2024-0009', 'express']);
    await store.analyses.putSbom(digest, sbomWith(['express', '4.0.0', 'npm']), T1);
    await store.analyses.putScan(digest, later, T1);
    expect((await store.analyses.getPackageContent(digest))!.map((p) => p.package)).toEqual(['express']);
    expect((await store.analyses.getVulnerabilityViews(digest))!.vulnerabilities.map((v) => v.vuln)).toEqual([
      'CVE-2024-0009',
    ]);
    expect((await store.analyses.getScanWithoutSbom(digest))!.scan.matches).toEqual(later.matches);
  });

  it('falls back to the whole document for an analysis stored without projections', async () => {
    const options = await backend.freshOptions();
    const store: ServiceStore = await openServiceStore(options);
    opened.push(store);
    const digest = digestOf(4);
    const sbom = sbomWith(['lodash', '4.17.11', 'npm']);
    const scan = scanWith(['GHSA-x', 'lodash']);
    await store.analyses.putSbom(digest, sbom, T0);
    await store.analyses.putScan(digest, scan, T0);
    const driver = openDriver(options);
    opened.push(driver);
    await driver.query('DELETE FROM analysis_views');
    expect(await store.analyses.getPackageContent(digest)).toEqual(sbom.packages.map(packageContent));
    expect(await store.analyses.getVulnerabilityViews(digest)).toEqual({
      vulnerabilities: scan.matches.map(vulnerabilityView),
      at: T0,
    });
    expect((await store.analyses.getScanWithoutSbom(digest))!.scan).not.toHaveProperty('sbom');
    expect((await store.analyses.getScanWithoutSbom(digest))!.scan.matches).toEqual(scan.matches);
  });
});
