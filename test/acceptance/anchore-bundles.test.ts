import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/policy/bundle/index.js';
import { evaluateBundle } from '../../src/policy/evaluate/index.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { scanSbom } from '../../src/scan/index.js';
import type { ScanReport } from '../../src/scan/types.js';
import { importFeeds } from '../../src/vulndb/import/index.js';
import { FEED_PARSERS } from '../../src/vulndb/providers/registry.js';
import { openSqliteStore } from '../../src/vulndb/store/sqlite/index.js';
import { tempDir } from '../helpers/temp-dir.js';
import { getTestImages } from '../images/index.js';
import { SHARED_DATA } from '../helpers/shared-data.js';

const BUNDLES = path.join(SHARED_DATA, 'policy', 'anchore');

/**
 * Anchore's own bundle fixtures. Four are invalid under Customs' rules: bad_bundle and
 * bad_policy_id_bundle (the engine refuses them at initialisation: a bad action and rules
 * missing required params; a mapping to a policy that does not exist), and empty and
 * trivial_bundle, which name end-of-life gates (rejected on save, per the reference) and map to
 * policy ids ("empty", "trivial") that no policy has. Every problem each should report:
 * `[path, message fragment, value]`.
 */
const INVALID: Record<string, [string, string, unknown][]> = {
  'bad_bundle.json': [
    ['$.policies[0].rules[0].action', 'action must be STOP, WARN or GO', 'invalidaction'],
    ['$.policies[0].rules[0].params', 'needs parameter "instruction"', undefined],
    ['$.policies[0].rules[0].params', 'needs parameter "check"', undefined],
    ['$.policies[0].rules[1].params', 'needs parameter "instruction"', undefined],
    ['$.policies[0].rules[1].params', 'needs parameter "check"', undefined],
  ],
  'bad_policy_id_bundle.json': [['$.mappings[0].policy_id', 'no policy has this id', 'notarealid']],
  'empty.json': [
    ['$.policies[0].rules[0].gate', 'end-of-life gate', 'DOCKERFILECHECK'],
    ['$.mappings[0].policy_id', 'no policy has this id', 'empty'],
  ],
  'trivial_bundle.json': [
    ['$.policies[0].rules[0].gate', 'end-of-life gate', 'DOCKERFILECHECK'],
    ['$.policies[0].rules[1].gate', 'end-of-life gate', 'FILECHECK'],
    ['$.policies[0].rules[2].gate', 'end-of-life gate', 'PKGCHECK'],
    ['$.policies[0].rules[3].gate', 'end-of-life gate', 'ANCHORESEC'],
    ['$.mappings[0].policy_id', 'no policy has this id', 'trivial'],
  ],
};

const files = existsSync(BUNDLES)
  ? readdirSync(BUNDLES)
      .filter((f) => /\.(json|ya?ml)$/.test(f))
      .sort()
  : [];
const valid = files.filter((f) => !(f in INVALID));

describe.skipIf(files.length === 0)('Anchore bundle fixtures', () => {
  it('has the fixtures this test knows about', () => {
    expect(files).toEqual(expect.arrayContaining(Object.keys(INVALID)));
    expect(valid.length).toBeGreaterThanOrEqual(5);
  });

  it.each(valid)('%s validates', async (file) => {
    const { bundle, problems } = await loadBundle(path.join(BUNDLES, file));
    expect(problems).toEqual([]);
    expect(bundle.policies.length).toBeGreaterThan(0);
    expect(bundle.mappings.length).toBeGreaterThan(0);
    for (const mapping of bundle.mappings) expect(mapping.policy_ids.length).toBeGreaterThan(0);
  });

  it.each(Object.entries(INVALID))('%s fails with every listed problem', async (file, expected) => {
    const { problems } = await loadBundle(path.join(BUNDLES, file));
    expect(problems.map((p) => [p.path, p.message, p.value])).toEqual(
      expected.map(([where, fragment, value]) => [where, expect.stringContaining(fragment), value]),
    );
  });

  it('reads the large allowlist bundle in full', async () => {
    const { bundle } = await loadBundle(path.join(BUNDLES, 'bundle-large_whitelist.json'));
    const items = bundle.allowlists.reduce((n, a) => n + a.items.length, 0);
    expect(items).toBe(368 + 984 + 347 + 968 + 1 + 1 + 1);
    expect(bundle.allowlists.find((a) => a.id === 'global_expire')?.items[0]?.expires_on).toBe(
      '2019-12-30T12:00:00Z',
    );
    expect(bundle.mappings[0]?.allowlist_ids).toHaveLength(6);
  });
});

/** The polyglot test image, scanned against the real Debian and npm data in ../shared. */
async function polyglotScan(): Promise<ScanReport> {
  const store = openSqliteStore(path.join(tempDir(), 'vulndb.sqlite'));
  await importFeeds(
    store,
    [path.join(SHARED_DATA, 'vulndb', 'debian'), path.join(SHARED_DATA, 'vulndb', 'osv', 'npm-ghsa-sample')],
    { parsers: FEED_PARSERS },
  );
  const { ociDir, tag } = getTestImages().images.polyglot;
  const sbom = await generateSbom(`oci-dir:${ociDir}:${tag}`);
  try {
    return await scanSbom(sbom, store, {});
  } finally {
    await store.close();
  }
}

describe.skipIf(valid.length === 0)('Anchore bundle fixtures evaluated against the polyglot image', () => {
  let scan: Promise<ScanReport> | undefined;
  const scanned = (): Promise<ScanReport> => (scan ??= polyglotScan());

  it.each(valid)('%s evaluates, every rule running', async (file) => {
    const report = await scanned();
    const { bundle } = await loadBundle(path.join(BUNDLES, file));
    const result = await evaluateBundle(
      bundle,
      { sbom: report.sbom, scan: report },
      { tag: 'docker.io/acme/app:1.0' },
    );
    expect(result.matchedMapping).not.toBe(false);
    expect(result.problems.filter((p) => p.severity === 'error')).toEqual([]);
    expect(['stop', 'warn', 'go']).toContain(result.finalAction);
    expect(result.grade?.grade).toMatch(/^[A-F]$/);
  });

  it("the engine's default bundle STOPs on the image's exposed port 22 and its vulnerable lodash", async () => {
    const report = await scanned();
    const { bundle } = await loadBundle(path.join(BUNDLES, 'anchore_default_bundle.json'));
    const result = await evaluateBundle(
      bundle,
      { sbom: report.sbom, scan: report },
      { tag: 'docker.io/acme/app:1.0' },
    );
    expect(result).toMatchObject({
      finalAction: 'stop',
      finalActionReason: 'policy_evaluation',
      status: 'fail',
    });
    const fired = result.findings.map((f) => `${f.gate}/${f.trigger}/${f.action}`);
    expect(fired).toContain('dockerfile/exposed_ports/stop');
    expect(result.findings.some((f) => f.gate === 'vulnerabilities' && f.triggerId.endsWith('+lodash'))).toBe(
      true,
    );
  });
});
