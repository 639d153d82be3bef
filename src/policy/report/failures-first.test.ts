import { describe, expect, it } from 'vitest';
import { actionRank, failuresFirst } from './failures-first.js';

describe('failures first', () => {
  it('puts STOP before WARN before GO, keeping the evaluation order within each', () => {
    const findings = [
      { action: 'go', id: 1 },
      { action: 'warn', id: 2 },
      { action: 'stop', id: 3 },
      { action: 'go', id: 4 },
      { action: 'stop', id: 5 },
      { action: 'warn', id: 6 },
    ] as const;
    expect(failuresFirst(findings).map((f) => f.id)).toEqual([3, 5, 2, 6, 1, 4]);
    expect(findings.map((f) => f.id)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('ranks the actions, and anything else after them', () => {
    expect(['stop', 'warn', 'go', 'STOP', ''].map(actionRank)).toEqual([0, 1, 2, 3, 3]);
  });
});
