import { describe, expect, it } from 'vitest';
import { file, fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { filesGate } from './index.js';

const SHA = 'e'.repeat(64);
const context = gateContext(
  policySbom({
    files: [
      file('/usr/local/bin/suid-sh', 0o4755, { flags: ['setuid'] }),
      file('/usr/bin/wall', 0o2755, { flags: ['setgid'] }),
      file('/etc/ssl/private/key.pem', 0o600, { sha256: SHA }),
      file('/etc/hosts', 0o644),
    ],
    contentMatches: [
      { path: '/srv/app/config.js', name: 'password', lines: [3] },
      { path: '/srv/app/db.js', name: 'dsn', lines: [1, 9] },
    ],
  }),
);

const cases: [string, string, Record<string, ParamValue>, string[], GateContext?][] = [
  [
    'content_regex_match fires per file × match',
    'content_regex_match',
    {},
    ['/srv/app/config.js+password', '/srv/app/db.js+dsn'],
  ],
  [
    'content_regex_match limited to a named regex',
    'content_regex_match',
    { regex_name: 'dsn' },
    ['/srv/app/db.js+dsn'],
  ],
  ['content_regex_match unknown name does not fire', 'content_regex_match', { regex_name: 'aws' }, []],
  ['name_match fires per matching path', 'name_match', { regex: /.*\.pem/ }, ['/etc/ssl/private/key.pem']],
  ['name_match is anchored at the start', 'name_match', { regex: /ssl/ }, []],
  [
    'attribute_match mode equals fires',
    'attribute_match',
    { filename: '/usr/local/bin/suid-sh', mode: 0o4755, mode_op: 'equals' },
    ['/usr/local/bin/suid-sh'],
  ],
  [
    'attribute_match mode equals does not fire on another mode',
    'attribute_match',
    { filename: '/etc/hosts', mode: 0o600, mode_op: 'equals' },
    [],
  ],
  [
    'attribute_match mode not_equals fires on another mode',
    'attribute_match',
    { filename: '/etc/hosts', mode: 0o600, mode_op: 'not_equals' },
    ['/etc/hosts'],
  ],
  [
    'attribute_match checksum equals (sha256: prefix, any case)',
    'attribute_match',
    {
      filename: '/etc/ssl/private/key.pem',
      checksum_algorithm: 'sha256',
      checksum: `sha256:${SHA.toUpperCase()}`,
      checksum_match: 'equals',
    },
    ['/etc/ssl/private/key.pem'],
  ],
  [
    'attribute_match checksum not_equals does not fire on the same digest',
    'attribute_match',
    { filename: '/etc/ssl/private/key.pem', checksum: SHA, checksum_match: 'not_equals' },
    [],
  ],
  [
    'attribute_match all checks must hold',
    'attribute_match',
    {
      filename: '/etc/ssl/private/key.pem',
      checksum: SHA,
      checksum_match: 'equals',
      mode: 0o644,
      mode_op: 'equals',
    },
    [],
  ],
  [
    'attribute_match without a digest cannot decide',
    'attribute_match',
    { filename: '/etc/hosts', checksum: SHA, checksum_match: 'not_equals' },
    [],
  ],
  [
    'attribute_match missing file skipped by default',
    'attribute_match',
    { filename: '/nope', mode: 0o644 },
    [],
  ],
  [
    'attribute_match missing file with skip_missing=false fires',
    'attribute_match',
    { filename: '/nope', skip_missing: false },
    ['/nope'],
  ],
  ['attribute_match without checks does not fire', 'attribute_match', { filename: '/etc/hosts' }, []],
  [
    'suid_or_guid_set fires per setuid/setgid file',
    'suid_or_guid_set',
    {},
    ['/usr/local/bin/suid-sh', '/usr/bin/wall'],
  ],
  [
    'suid_or_guid_set reads the mode when flags are absent',
    'suid_or_guid_set',
    {},
    ['/x'],
    gateContext(policySbom({ files: [file('/x', 0o6755)] })),
  ],
  [
    'suid_or_guid_set does not fire on sticky or world-writable',
    'suid_or_guid_set',
    {},
    [],
    gateContext(policySbom({ files: [file('/tmp', 0o1777, { flags: ['world-writable', 'sticky'] })] })),
  ],
];

describe('files gate', () => {
  it.each(cases)('%s', (_, trigger, params, expected, other) => {
    expect(fire(filesGate, trigger, other ?? context, params)).toEqual(expected);
  });

  it('never throws on odd data', () => {
    const odd = gateContext({
      ...policySbom(),
      files: [null, { path: 5 }] as never,
      contentMatches: undefined as never,
    });
    for (const t of filesGate.triggers)
      expect(() => t.evaluate(odd, { filename: '/x', regex: /x/, mode: 0o644 })).not.toThrow();
  });
});
