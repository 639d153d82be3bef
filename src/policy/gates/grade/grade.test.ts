import { describe, expect, it } from 'vitest';
import { fire, gateContext, scanOf, vulnMatch as match } from '../../../../test/helpers/policy-sbom.js';
import { gradeGate } from './index.js';

// gateContext's now is 2026-06-01; this fix was published 40 days before: grade D.
const scan = scanOf([match('CVE-1', 'critical', 'fixed', { fixPublished: '2026-04-22T00:00:00Z' })]);

describe('grade gate', () => {
  it.each([
    ['fires when the grade is worse than the minimum', 'B', ['grade D below B']],
    ['does not fire at the minimum', 'D', []],
    ['does not fire above the minimum', 'F', []],
  ] as const)('%s', (_, grade, expected) => {
    expect(fire(gradeGate, 'minimum_grade', gateContext(undefined, { scan }), { grade })).toEqual(expected);
  });

  it('uses thresholds passed with the context', () => {
    const context = {
      ...gateContext(undefined, { scan }),
      gradeThresholds: { days: [60, 90, 120, 150], severities: ['critical'] },
    };
    expect(fire(gradeGate, 'minimum_grade', context as never, { grade: 'B' })).toEqual([]);
  });

  it('cannot decide without a vulnerability scan', () => {
    expect(fire(gradeGate, 'minimum_grade', gateContext(), { grade: 'A' })).toEqual([]);
  });
});
