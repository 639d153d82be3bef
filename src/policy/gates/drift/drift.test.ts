import { describe, expect, it } from 'vitest';
import {
  file,
  fire,
  gateContext,
  pkg,
  policySbom,
  scanOf,
  vulnMatch,
} from '../../../../test/helpers/policy-sbom.js';
import { convertValue } from '../../params/convert-value.js';
import { changedTrigger } from './changed-trigger.js';
import { driftGate } from './index.js';

const before = policySbom({
  files: [
    file('/etc/app.conf', 0o644, { sha256: 'a'.repeat(64) }),
    file('/usr/bin/old', 0o755, { sha256: 'b'.repeat(64) }),
  ],
});
const base = policySbom();
const after = policySbom({
  packages: [pkg('openssl', '3.0.21-1~deb12u1'), pkg('bash', '5.2.15-2+b7'), pkg('curl', '7.88.1-10')],
  image: { ...base.image!, config: { ...base.image!.config, user: 'root', exposedPorts: ['22/tcp'] } },
  files: [
    file('/etc/app.conf', 0o600, { sha256: 'c'.repeat(64) }),
    file('/etc/new.conf', 0o644, { sha256: 'd'.repeat(64) }),
  ],
});
const withPrevious = gateContext(after, { previous: { sbom: before } });

describe('drift gate', () => {
  it('fires once per change of each kind, against the previous image', () => {
    expect(fire(driftGate, 'changed', withPrevious)).toEqual([
      'package_added:deb/curl',
      'package_removed:npm/lodash',
      'package_changed:deb/openssl',
      'file_added:/etc/new.conf',
      'file_removed:/usr/bin/old',
      'file_changed:/etc/app.conf',
      'config_changed:user',
      'config_changed:exposedPorts:3000/tcp',
    ]);
  });

  it('fires only on the configured kinds and paths', () => {
    expect(fire(driftGate, 'changed', withPrevious, { kinds: ['package_added', 'config_changed'] })).toEqual([
      'package_added:deb/curl',
      'config_changed:user',
      'config_changed:exposedPorts:3000/tcp',
    ]);
    expect(
      fire(driftGate, 'changed', withPrevious, {
        kinds: ['file_added', 'file_changed', 'file_removed'],
        path_regex: /\/etc\/app/,
      }),
    ).toEqual(['file_changed:/etc/app.conf']);
  });

  it('says what changed in its messages', () => {
    const messages = changedTrigger.evaluate(withPrevious, {}).map((f) => f.message);
    expect(messages).toContain(
      'Package deb/openssl changed from 3.0.20-1~deb12u2 to 3.0.21-1~deb12u1 since the previous image',
    );
    expect(messages).toContain('File /etc/app.conf changed (content, mode) since the previous image');
    expect(messages).toContain('Config user changed from appuser to root since the previous image');
  });

  it('fires on introduced vulnerabilities of at least the given severity', () => {
    const context = gateContext(after, {
      scan: scanOf([vulnMatch('CVE-2026-1', 'high', 'fixed'), vulnMatch('CVE-2026-2', 'low', 'fixed')]),
      previous: { sbom: before, scan: scanOf([vulnMatch('CVE-2026-3', 'critical', 'fixed')]) },
    });
    expect(fire(driftGate, 'changed', context, { kinds: ['vulnerability_introduced'] })).toEqual([
      'vulnerability_introduced:CVE-2026-1+deb/openssl',
      'vulnerability_introduced:CVE-2026-2+deb/openssl',
    ]);
    expect(
      fire(driftGate, 'changed', context, { kinds: ['vulnerability_introduced'], severity: 'medium' }),
    ).toEqual(['vulnerability_introduced:CVE-2026-1+deb/openssl']);
    // Without a scan of the previous image nothing is known to be new.
    const unscanned = gateContext(after, { scan: context.scan!, previous: { sbom: before } });
    expect(fire(driftGate, 'changed', unscanned, { kinds: ['vulnerability_introduced'] })).toEqual([]);
  });

  it('does not fire on an image identical to the previous one', () => {
    expect(fire(driftGate, 'changed', gateContext(after, { previous: { sbom: after } }))).toEqual([]);
  });

  it('without a previous image: changed is silent and no_previous fires', () => {
    expect(fire(driftGate, 'changed', gateContext(after))).toEqual([]);
    expect(fire(driftGate, 'no_previous', gateContext(after))).toEqual(['no_previous']);
    expect(fire(driftGate, 'no_previous', withPrevious)).toEqual([]);
  });

  it('validates the kinds against the list it knows', () => {
    const kinds = changedTrigger.params.find((p) => p.name === 'kinds')!;
    expect(convertValue(kinds, 'package_added, file_changed')).toEqual({
      ok: true,
      value: ['package_added', 'file_changed'],
    });
    const bad = convertValue(kinds, 'package_added,packages');
    expect(bad.ok).toBe(false);
    expect(bad.ok ? '' : bad.message).toMatch(/may list only package_added, .*\(not "packages"\)/);
  });
});
