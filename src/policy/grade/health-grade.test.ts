import { describe, expect, it } from 'vitest';
import { vulnMatch as match, scanOf } from '../../../test/helpers/policy-sbom.js';
import { healthGrade, isWorse } from './health-grade.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const daysAgo = (days: number): string => new Date(NOW.getTime() - days * 86_400_000).toISOString();

describe('healthGrade', () => {
  it.each([
    ['A without missing fixes', [], 'A'],
    [
      'A when only medium fixes are missing',
      [match('CVE-1', 'medium', 'fixed', { fixPublished: daysAgo(400) })],
      'A',
    ],
    [
      'A when the critical one has no fix',
      [match('CVE-1', 'critical', 'not-fixed', { published: daysAgo(400) })],
      'A',
    ],
    [
      'B for a high fix published 7 days ago',
      [match('CVE-1', 'high', 'fixed', { fixPublished: daysAgo(7) })],
      'B',
    ],
    ['C at 8 days', [match('CVE-1', 'high', 'fixed', { fixPublished: daysAgo(8) })], 'C'],
    ['D at 90 days', [match('CVE-1', 'critical', 'fixed', { fixPublished: daysAgo(90) })], 'D'],
    ['E at 180 days', [match('CVE-1', 'critical', 'fixed', { fixPublished: daysAgo(180) })], 'E'],
    ['F beyond 180 days', [match('CVE-1', 'critical', 'fixed', { fixPublished: daysAgo(181) })], 'F'],
    [
      'falls back to the vulnerability published date',
      [match('CVE-1', 'high', 'fixed', { published: daysAgo(45) })],
      'D',
    ],
    [
      'the oldest missing fix decides',
      [
        match('CVE-1', 'high', 'fixed', { fixPublished: daysAgo(2) }),
        match('CVE-2', 'critical', 'fixed', { fixPublished: daysAgo(200) }),
      ],
      'F',
    ],
    ['an undated missing fix counts as new', [match('CVE-1', 'high', 'fixed')], 'B'],
  ] as const)('%s', (_, matches, grade) => {
    expect(healthGrade(scanOf([...matches]), undefined, NOW).grade).toBe(grade);
  });

  it('uses configured thresholds and severities', () => {
    const scan = scanOf([match('CVE-1', 'medium', 'fixed', { fixPublished: daysAgo(3) })]);
    expect(healthGrade(scan, { days: [1, 2, 3, 4], severities: ['medium'] }, NOW).grade).toBe('D');
  });

  it('names the oldest missing fix in the reason', () => {
    const result = healthGrade(
      scanOf([match('CVE-9', 'high', 'fixed', { fixPublished: daysAgo(10) })]),
      undefined,
      NOW,
    );
    expect(result.reason).toContain('CVE-9');
    expect(result.reason).toContain('10 day');
  });

  it('orders grades A best to F worst', () => {
    expect(isWorse('C', 'B')).toBe(true);
    expect(isWorse('B', 'B')).toBe(false);
    expect(isWorse('A', 'F')).toBe(false);
  });
});
