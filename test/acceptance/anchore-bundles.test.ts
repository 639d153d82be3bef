import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadBundle } from '../../src/policy/bundle/index.js';
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
