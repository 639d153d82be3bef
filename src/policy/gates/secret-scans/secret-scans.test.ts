import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { secretScansGate } from './index.js';

const key = {
  ruleId: 'private-key',
  category: 'AsymmetricPrivateKey',
  title: 'Asymmetric Private Key',
  severity: 'HIGH',
  path: '/root/.ssh/id_rsa',
  line: 2,
  match: '***',
} as const;
const token = {
  ruleId: 'github-pat',
  category: 'GitHub',
  title: 'GitHub token',
  severity: 'CRITICAL',
  path: '/srv/app/.env',
  line: 2,
  match: '***',
} as const;
const context = gateContext(policySbom({ secrets: [key, { ...key, line: 9 }, token] }));
const clean = gateContext(policySbom({ secrets: [] }));

const cases: [string, Record<string, ParamValue>, string[], GateContext?][] = [
  [
    'found fires per file × rule (two lines of one key fire once)',
    {},
    ['/root/.ssh/id_rsa+private-key', '/srv/app/.env+github-pat'],
  ],
  [
    'content_regex_name filters by rule id',
    { content_regex_name: 'github-pat' },
    ['/srv/app/.env+github-pat'],
  ],
  [
    'content_regex_name filters by category, any case',
    { content_regex_name: 'asymmetricprivatekey' },
    ['/root/.ssh/id_rsa+private-key'],
  ],
  [
    'filename_regex filters paths from the start',
    { filename_regex: /\/srv\/.*/ },
    ['/srv/app/.env+github-pat'],
  ],
  ['filename_regex that matches nothing does not fire', { filename_regex: /\.env/ }, []],
  ['notfound does not fire when a secret is found', { match_type: 'notfound' }, []],
  [
    'notfound fires once when none is found',
    { match_type: 'notfound' },
    ['notfound:any secret rule in any file'],
    clean,
  ],
  ['found does not fire on a clean image', { match_type: 'found' }, [], clean],
];

describe('secret_scans gate', () => {
  it.each(cases)('%s', (_, params, expected, other) => {
    expect(fire(secretScansGate, 'content_regex_checks', other ?? context, params)).toEqual(expected);
  });
});
