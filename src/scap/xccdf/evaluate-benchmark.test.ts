import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { fakeSystem, type FakeFile } from '../../../test/helpers/oval-fixtures.js';
import { prepareScap } from '../evaluate-image.js';
import { evaluateBenchmark } from './evaluate-benchmark.js';

const DS = fileURLToPath(new URL('./testdata/small-ds.xml', import.meta.url));
const TAILORING = fileURLToPath(new URL('./testdata/tailoring.xml', import.meta.url));

const HARDENED: FakeFile[] = [
  { path: '/etc/login.defs', content: 'PASS_MAX_DAYS 45\n' },
  { path: '/etc/ssh/sshd_config', content: 'PermitRootLogin no\n' },
];

async function results(
  files: FakeFile[],
  profile?: string,
  tailoring?: string,
): Promise<Record<string, string>> {
  const prepared = await prepareScap(DS, {
    ...(profile ? { profile } : {}),
    ...(tailoring ? { tailoring } : {}),
  });
  const evaluation = evaluateBenchmark(prepared.content, fakeSystem(files), {
    ...(prepared.profile ? { profile: prepared.profile } : {}),
    profiles: prepared.profiles,
  });
  return Object.fromEntries(
    evaluation.results.map((r) => [r.ruleId.replace('xccdf_org.test_rule_', ''), r.result]),
  );
}

describe('XCCDF evaluation', () => {
  it('gives each rule its result under a profile', async () => {
    expect(await results(HARDENED, 'strict')).toEqual({
      max_days: 'pass',
      no_root_login: 'pass',
      telnet_config: 'notapplicable',
      sysctl: 'notchecked',
      manual: 'notchecked',
      unselected: 'notselected',
    });
  });

  it('fails rules whose checks are false, with the profile’s refined value', async () => {
    const weak = [
      { path: '/etc/login.defs', content: 'PASS_MAX_DAYS 90\n' },
      { path: '/etc/ssh/sshd_config', content: 'PermitRootLogin yes\n' },
    ];
    const strict = await results(weak, 'strict');
    expect(strict.max_days).toBe('fail');
    expect(strict.no_root_login).toBe('fail');
    // lenient extends strict: 365 days, and the root-login rule is unselected.
    const lenient = await results(weak, 'xccdf_org.test_profile_lenient');
    expect(lenient.max_days).toBe('pass');
    expect(lenient.no_root_login).toBe('notselected');
  });

  it('without a profile, evaluates the benchmark defaults (every rule here is unselected)', async () => {
    expect(Object.values(await results(HARDENED)).every((r) => r === 'notselected')).toBe(true);
  });

  it('makes every rule of a group notapplicable when the group platform does not apply', async () => {
    const container = [...HARDENED, { path: '/.dockerenv', content: '' }];
    const r = await results(container, 'strict');
    expect(r.max_days).toBe('notapplicable');
    expect(r.no_root_login).toBe('notapplicable');
  });

  it('applies a rule platform that applies', async () => {
    const r = await results([...HARDENED, { path: '/usr/bin/telnet', mode: 0o755 }], 'strict');
    expect(r.telnet_config).toBe('pass');
  });

  it('takes profiles from a tailoring file (select and set-value)', async () => {
    const r = await results(HARDENED, 'mine', TAILORING);
    expect(r.sysctl).toBe('notselected');
    expect(r.max_days).toBe('fail'); // 45 > 30
  });

  it('scores the rules that were checked', async () => {
    const prepared = await prepareScap(DS, { profile: 'strict' });
    const weakSsh = [HARDENED[0]!, { path: '/etc/ssh/sshd_config', content: 'PermitRootLogin yes\n' }];
    const evaluation = evaluateBenchmark(prepared.content, fakeSystem(weakSsh), {
      profile: prepared.profile!,
    });
    expect(evaluation.scores).toEqual([
      { system: 'urn:xccdf:scoring:default', value: 50, maximum: 100 },
      { system: 'urn:xccdf:scoring:flat', value: 1, maximum: 2 },
    ]);
  });

  it('unselects a rule whose requirement is unselected, or that conflicts with a selected rule', async () => {
    const prepared = await prepareScap(DS, { profile: 'strict' });
    const rules = prepared.content.benchmark.rules;
    const maxDays = rules.find((r) => r.id.endsWith('max_days'))!;
    const rootLogin = rules.find((r) => r.id.endsWith('no_root_login'))!;
    const evaluate = (): Record<string, string> =>
      Object.fromEntries(
        evaluateBenchmark(prepared.content, fakeSystem(HARDENED), { profile: prepared.profile! }).results.map(
          (r) => [r.ruleId.replace('xccdf_org.test_rule_', ''), r.result],
        ),
      );
    maxDays.requires = [['xccdf_org.test_rule_unselected']];
    expect(evaluate().max_days).toBe('notselected');
    maxDays.requires = [['xccdf_org.test_rule_unselected', 'xccdf_org.test_rule_sysctl']];
    expect(evaluate().max_days).toBe('pass');
    maxDays.requires = [];
    rootLogin.conflicts = ['xccdf_org.test_rule_max_days'];
    expect(evaluate().no_root_login).toBe('notselected');
  });

  it('refuses an unknown profile with the known ones listed', async () => {
    await expect(prepareScap(DS, { profile: 'nope' })).rejects.toThrow(/no profile "nope".*strict/);
  });
});
