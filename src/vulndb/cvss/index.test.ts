import { describe, expect, it } from 'vitest';
import { baseScore, cvssFromVector, severityFromScore } from './index.js';

describe('cvssFromVector', () => {
  it('reads v3.1, v3.0 and v4.0 vectors by their prefix', () => {
    expect(cvssFromVector('CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'nvd')).toEqual({
      version: '3.1',
      vector: 'CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H',
      baseScore: 9.8,
      source: 'nvd',
    });
    expect(cvssFromVector('CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N')).toEqual({
      version: '3.0',
      vector: 'CVSS:3.0/AV:N/AC:H/PR:N/UI:R/S:U/C:L/I:N/A:N',
      baseScore: 3.1,
    });
    expect(cvssFromVector('CVSS:4.0/AV:L/AC:L/AT:P/PR:L/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N/SA:N')).toMatchObject({
      version: '4.0',
      baseScore: 7.3,
    });
  });

  it('leaves source out when none is given', () => {
    expect(cvssFromVector('AV:N/AC:L/Au:N/C:P/I:P/A:P')).not.toHaveProperty('source');
  });

  it.each([
    'AV:N/AC:L/Au:N/C:P/I:P/A:P',
    '(AV:N/AC:L/Au:N/C:P/I:P/A:P)',
    'CVSS:2.0/AV:N/AC:L/Au:N/C:P/I:P/A:P',
    '  AV:N/AC:L/Au:N/C:P/I:P/A:P\n',
  ])('reads the v2 vector %j, written back bare', (vector) => {
    expect(cvssFromVector(vector, 'nvd')).toEqual({
      version: '2.0',
      vector: 'AV:N/AC:L/Au:N/C:P/I:P/A:P',
      baseScore: 7.5,
      source: 'nvd',
    });
  });

  it('scores the same body by its own version: v3.0 and v3.1 share one, v2 and v4 do not', () => {
    const body = 'AV:N/AC:L/PR:N/UI:R/S:C/C:L/I:L/A:N';
    expect(baseScore(`CVSS:3.0/${body}`)).toBe(6.1);
    expect(baseScore(`CVSS:3.1/${body}`)).toBe(6.1);
    expect(baseScore(`CVSS:4.0/${body}`)).toBeUndefined();
    expect(baseScore(body)).toBeUndefined();
  });

  it.each([
    ['', 'empty'],
    ['CVSS:3.1/', 'a prefix alone'],
    ['CVSS:3.2/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'an unknown version'],
    ['cvss:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a lower-case prefix'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H', 'a missing metric'],
    ['CVSS:3.1/AV:N/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'a duplicate metric'],
    ['CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H/Q:X', 'an unknown metric'],
    ['CVSS:3.1/AV:Z/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H', 'an unknown value'],
    ['(CVSS:3.1/AV:N/AC:L/PR:N/UI:N/S:U/C:H/I:H/A:H)', 'v3 in parentheses'],
    ['CVSS:4.0/AV:N/AC:L/AT:N/PR:N/UI:N/VC:H/VI:H/VA:H/SC:N/SI:N', 'v4 without SA'],
    ['AV:N/AC:L/Au:N/C:P/I:P/A:P)', 'an unbalanced parenthesis'],
    ['not a vector', 'prose'],
  ])('returns undefined for %j (%s)', (vector) => {
    expect(cvssFromVector(vector)).toBeUndefined();
    expect(baseScore(vector)).toBeUndefined();
  });
});

describe('severityFromScore', () => {
  it.each([
    [0, 'negligible'],
    [0.1, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [8.9, 'high'],
    [9.0, 'critical'],
    [10, 'critical'],
  ] as const)('v3.1 and v4.0: %d → %s', (score, severity) => {
    expect(severityFromScore(score, '3.1')).toBe(severity);
    expect(severityFromScore(score, '3.0')).toBe(severity);
    expect(severityFromScore(score, '4.0')).toBe(severity);
  });

  it.each([
    [0, 'low'],
    [3.9, 'low'],
    [4.0, 'medium'],
    [6.9, 'medium'],
    [7.0, 'high'],
    [10, 'high'],
  ] as const)('v2: %d → %s (no critical in v2)', (score, severity) => {
    expect(severityFromScore(score, '2.0')).toBe(severity);
  });

  it.each([Number.NaN, -0.1, 10.1, Number.POSITIVE_INFINITY])('calls %d unknown', (score) => {
    expect(severityFromScore(score, '3.1')).toBe('unknown');
    expect(severityFromScore(score, '2.0')).toBe('unknown');
  });
});
