import { describe, expect, it } from 'vitest';
import { fire, gateContext, pkg, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { ParamValue } from '../types.js';
import { licensesGate } from './index.js';
import { licenseTokens } from './license-tokens.js';

const context = gateContext(
  policySbom({
    packages: [
      pkg('libgcc', '12.2', { licenses: ['GPL-3.0-or-later WITH GCC-exception-3.1'] }),
      pkg('dual', '1.0', { type: 'npm', licenses: ['(MIT OR Apache-2.0)'] }),
      pkg('libc6', '2.36', { licenses: ['LGPL-2.1', 'GPL-2.0+'] }),
      pkg('nolicense', '1.0'),
    ],
  }),
);

describe('licenseTokens', () => {
  it('splits SPDX expressions on AND, OR, WITH and parentheses', () => {
    expect(licenseTokens('(MIT OR Apache-2.0) AND BSD-3-Clause')).toEqual([
      'MIT',
      'Apache-2.0',
      'BSD-3-Clause',
    ]);
    expect(licenseTokens('GPL-2.0+ with Classpath-exception-2.0')).toEqual([
      'GPL-2.0+',
      'Classpath-exception-2.0',
    ]);
    expect(licenseTokens('GPL-2+')).toEqual(['GPL-2+']);
  });
});

const cases: [string, string, Record<string, ParamValue>, string[]][] = [
  ['exact fires once on an equal token', 'blacklist_exact_match', { licenses: ['GPL-2.0+'] }, ['GPL-2.0+']],
  [
    'exact ignores case and finds tokens inside expressions',
    'blacklist_exact_match',
    { licenses: ['apache-2.0', 'gpl-3.0-or-later'] },
    ['Apache-2.0,GPL-3.0-or-later'],
  ],
  ['exact does not fire on a substring', 'blacklist_exact_match', { licenses: ['GPL'] }, []],
  [
    'partial fires on a contained string',
    'blacklist_partial_match',
    { licenses: ['GPL'] },
    ['GPL-2.0+,GPL-3.0-or-later,LGPL-2.1'],
  ],
  ['partial does not fire on an absent string', 'blacklist_partial_match', { licenses: ['AGPL'] }, []],
  ['denylist_exact_match is the same trigger', 'denylist_exact_match', { licenses: ['MIT'] }, ['MIT']],
];

describe('licenses gate', () => {
  it.each(cases)('%s', (_, trigger, params, expected) => {
    expect(fire(licensesGate, trigger, context, params)).toEqual(expected);
  });

  it('lists every offending package in the one message', () => {
    const [firing] = licensesGate.triggers[1]!.evaluate(context, { licenses: ['GPL'] });
    expect(firing?.message).toContain('libc6@2.36 (LGPL-2.1)');
    expect(firing?.message).toContain('libgcc@12.2 (GPL-3.0-or-later)');
  });
});
