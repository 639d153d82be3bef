import { describe, expect, it } from 'vitest';
import { InvalidVersionError } from '../../errors/index.js';
import { apkScheme } from './index.js';

// apk-tools is not packaged for Debian bookworm, so these rows, worked out from apk-tools'
// src/version.c, stand in for a differential test against `apk version -t`.
describe('apkScheme.compare', () => {
  it.each([
    ['1.0', '1.0', 0],
    ['1.0', '1.1', -1],
    ['1.10', '1.9', 1],
    ['1.2', '1.2.1', -1],
    ['2', '10', -1],
    ['01', '1', 0],
    // A dotted number with a leading zero compares as text.
    ['1.01', '1.1', -1],
    ['1.01', '1.001', 1],
    ['8.2.0015', '8.2.002', -1],
    ['1.0', '1.00', -1],
    // Letters.
    ['1.0', '1.0a', -1],
    ['1.0a', '1.0b', -1],
    ['1.0z', '1.0.1', -1],
    ['1.0a', '1.0_p1', 1],
    // Suffixes.
    ['1.0_alpha', '1.0_beta', -1],
    ['1.0_beta', '1.0_pre', -1],
    ['1.0_pre', '1.0_rc', -1],
    ['1.0_rc', '1.0', -1],
    ['1.0', '1.0_cvs', -1],
    ['1.0_cvs', '1.0_svn', -1],
    ['1.0_svn', '1.0_git', -1],
    ['1.0_git', '1.0_hg', -1],
    ['1.0_hg', '1.0_p', -1],
    ['1.0_rc1', '1.0_rc2', -1],
    ['1.0_rc', '1.0_rc0', -1],
    ['1.0_rc9', '1.0_rc10', -1],
    ['1.0_alpha_pre2', '1.0_alpha', -1],
    ['1.0_p1_p2', '1.0_p1', 1],
    ['1.0_rc1', '1.0.1', -1],
    ['1.0_p1', '1.0.1', -1],
    // Commit hashes.
    ['1.0', '1.0~abc', -1],
    ['1.0~abc', '1.0~abd', -1],
    ['1.0~abc', '1.0~abc0', -1],
    ['1.0-r0', '1.0~fff', -1],
    ['1.0-r5', '1.0~abc-r0', -1],
    ['1.0_rc1~abc', '1.0', -1],
    // Revisions.
    ['1.0', '1.0-r0', -1],
    ['1.0-r1', '1.0-r2', -1],
    ['1.0-r9', '1.0-r10', -1],
    ['1.0-r10', '1.0.1', -1],
    ['2.2.39-r1', '2.2.4-r0', 1],
    // Numbers are unsigned 64-bit integers in apk, so longer ones wrap around as they do there.
    ['18446744073709551615', '18446744073709551616', 1],
    ['18446744073709551616', '0', 0],
  ] as const)('%s vs %s is %i', (a, b, expected) => {
    expect(apkScheme.compare(a, b)).toBe(expected);
    expect(apkScheme.compare(b, a)).toBe(-expected || 0);
  });

  it('throws InvalidVersionError for versions apk refuses', () => {
    expect(() => apkScheme.compare('1.0-1', '1.0')).toThrow(InvalidVersionError);
    expect(() => apkScheme.compare('1.0', 'v1.0')).toThrow(InvalidVersionError);
  });
});

describe('apkScheme.isValid', () => {
  it.each([
    '0',
    '1.2.3',
    '1.2.3a',
    '1.2.3_rc1',
    '1.2.3_alpha_pre2_p3',
    '1.0~0a1f',
    '1.0_rc1~beef-r12',
    '1.0-r0',
  ])('accepts %j', (v) => expect(apkScheme.isValid(v)).toBe(true));
  it.each([
    '',
    'v1.0',
    '.1',
    '1.',
    '1..2',
    '1.0bc',
    '1.0a1',
    '1.0A',
    '1.0_foo',
    '1.0_',
    '1.0_rc1a',
    '1.0~',
    '1.0~xyz',
    '1.0~ab~cd',
    '1.0-1',
    '1.0-r',
    '1.0-r1-r2',
    '1.0-r1_p1',
    '1.0~ab_p1',
    '1.0 ',
  ])('refuses %j', (v) => expect(apkScheme.isValid(v)).toBe(false));
});

describe('apkScheme.satisfies', () => {
  it.each([
    ['1.2.3-r0', '< 1.2.3-r1', true],
    ['1.2.3-r1', '< 1.2.3-r1', false],
    ['1.2.3_rc1', '>= 1.0, < 1.2.3', true],
    ['1.2.3', '>=1.0 <1.2.3 || >1.2.3', false],
    ['1.2.4', '>=1.0 <1.2.3 || >1.2.3', true],
    ['1.2.3', '!= 1.2.3-r0', true],
  ] as const)('%s in %j is %s', (version, constraint, expected) => {
    expect(apkScheme.satisfies(version, constraint)).toBe(expected);
  });

  it.each(['', '>> 1.0', '< 1.0-1', '1.0 ||'])('throws InvalidVersionError for the constraint %j', (c) =>
    expect(() => apkScheme.satisfies('1.0', c)).toThrow(InvalidVersionError),
  );
});
