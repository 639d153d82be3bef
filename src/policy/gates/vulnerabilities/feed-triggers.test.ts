import { describe, expect, it } from 'vitest';
import { gateContext, policySbom, triggerOf } from '../../../../test/helpers/policy-sbom.js';
import { MatchWarnings } from '../../../matcher/match-warnings.js';
import type { ScanReport } from '../../../scan/types.js';
import { vulnerabilitiesGate } from './index.js';
import { scanReport } from './testdata/scan-report-builder.js';

// gateContext's clock: 2026-06-01T00:00:00Z.
const stale = triggerOf(vulnerabilitiesGate, 'stale_feed_data');
const unavailable = triggerOf(vulnerabilitiesGate, 'vulnerability_data_unavailable');

function staleFirings(scan: ScanReport | undefined, days: number) {
  const context = gateContext(policySbom(), scan ? { scan } : {});
  return stale.evaluate(context, { max_days_since_sync: days });
}

describe('vulnerabilities/stale_feed_data', () => {
  it.each<[string, string, number, boolean]>([
    ['exactly 3 days old, limit 3', '2026-05-29T00:00:00Z', 3, false],
    ['one second over 3 days, limit 3', '2026-05-28T23:59:59Z', 3, true],
    ['one second under 3 days, limit 3', '2026-05-29T00:00:01Z', 3, false],
    ['synced now, limit 0', '2026-06-01T00:00:00Z', 0, false],
    ['one second ago, limit 0', '2026-05-31T23:59:59Z', 0, true],
    ['a year old, limit 30', '2025-06-01T00:00:00Z', 30, true],
    ['a synced time given with an offset', '2026-05-29T02:00:00+02:00', 3, false],
  ])('%s', (_, lastSync, days, expected) => {
    expect(staleFirings(scanReport([], { lastSync }), days)).toHaveLength(expected ? 1 : 0);
  });

  it('says how old the data is', () => {
    const [firing] = staleFirings(scanReport([], { lastSync: '2026-05-20T00:00:00Z' }), 7);
    expect(firing?.message).toBe(
      'The vulnerability data was last synced 12 days ago (2026-05-20T00:00:00.000Z), more than 7 days',
    );
    expect(firing?.identity).toBe('max_days_since_sync=7');
  });

  it('fires when the database was never synced, or no scan ran', () => {
    expect(staleFirings(scanReport([], { lastSync: undefined }), 3).map((f) => f.message)).toEqual([
      'The vulnerability data has never been synced (limit: 3 days)',
    ]);
    expect(staleFirings(undefined, 3)).toHaveLength(1);
  });

  it('falls back on the providers’ newest sync when the status gives none', () => {
    const scan = scanReport([], { lastSync: '2026-05-01T00:00:00Z' });
    delete scan.database.lastSync;
    scan.database.providers.push({
      ...scan.database.providers[0]!,
      provider: 'osv',
      lastSync: '2026-05-31T00:00:00Z',
    });
    expect(staleFirings(scan, 3)).toEqual([]);
    expect(staleFirings(scan, 0)).toHaveLength(1);
  });

  it('does not fire without its required parameter', () => {
    expect(stale.evaluate(gateContext(), {})).toEqual([]);
  });
});

/** The warnings the matcher itself writes for `debian 13` data missing, and npm data missing. */
function matcherWarnings(osMissing: boolean, npmMissing: boolean): string[] {
  const notes = new MatchWarnings({ label: 'debian 13', namespace: null, candidates: ['debian:13'] }, true);
  if (osMissing) notes.osPackageUnchecked();
  if (npmMissing) notes.ecosystemWithoutData('npm', 'npm');
  return notes.list();
}

describe('vulnerabilities/vulnerability_data_unavailable', () => {
  it('fires once when the scan found no data for the distro', () => {
    const scan = scanReport([], { warnings: matcherWarnings(true, true) });
    const firings = unavailable.evaluate(gateContext(policySbom(), { scan }), {});
    expect(firings).toHaveLength(1);
    expect(firings[0]?.identity).toBe('debian:12');
    expect(firings[0]?.message).toMatch(
      /^No vulnerability data for debian:12: no vulnerability data for debian 13/,
    );
  });

  it('does not fire when only a language ecosystem lacks data', () => {
    const scan = scanReport([], { warnings: matcherWarnings(false, true) });
    expect(matcherWarnings(false, true)).toHaveLength(1);
    expect(unavailable.evaluate(gateContext(policySbom(), { scan }), {})).toEqual([]);
  });

  it('does not fire when the scan had data', () => {
    const scan = scanReport([], { warnings: ['the vulnerability database was last synced 9 days ago'] });
    expect(unavailable.evaluate(gateContext(policySbom(), { scan }), {})).toEqual([]);
  });

  it('fires when no scan ran', () => {
    expect(unavailable.evaluate(gateContext(), {}).map((f) => f.message)).toEqual([
      'No vulnerability scan of this image (debian:12) is available',
    ]);
    const distroless = gateContext(policySbom({ distro: null }));
    expect(unavailable.evaluate(distroless, {}).map((f) => f.identity)).toEqual(['unknown distro']);
  });
});
