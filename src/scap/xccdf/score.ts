import type { BenchmarkItem } from './benchmark.js';
import type { RuleResult } from './rule-result.js';

export interface Score {
  system: string;
  value: number;
  maximum: number;
}

/** Rule results that count in a score (XCCDF 1.2 § 7.3.2: not the unselected, unchecked or inapplicable). */
const counts = (r: RuleResult): boolean =>
  r.role !== 'unscored' &&
  r.result !== 'notselected' &&
  r.result !== 'notapplicable' &&
  r.result !== 'notchecked' &&
  r.result !== 'informational';

const passes = (r: RuleResult): boolean => r.result === 'pass' || r.result === 'fixed';

/**
 * The XCCDF default score (urn:xccdf:scoring:default): a rule scores 100 when it passes and 0
 * otherwise; a group scores the weighted mean of its children that have any scored rule; the
 * benchmark the weighted mean of its top items. And the flat score (urn:xccdf:scoring:flat):
 * the weights of passing rules out of the weights of every scored rule.
 */
export function scores(items: readonly BenchmarkItem[], results: ReadonlyMap<string, RuleResult>): Score[] {
  const node = (item: BenchmarkItem): { score: number; weight: number } | undefined => {
    if (item.kind === 'rule') {
      const r = results.get(item.id);
      if (!r || !counts(r)) return undefined;
      return { score: passes(r) ? 100 : 0, weight: r.weight };
    }
    const inner = mean(item.children);
    return inner === undefined ? undefined : { score: inner, weight: item.weight };
  };
  const mean = (children: readonly BenchmarkItem[]): number | undefined => {
    let total = 0;
    let weights = 0;
    let any = false;
    for (const child of children) {
      const n = node(child);
      if (!n) continue;
      any = true;
      total += n.score * n.weight;
      weights += n.weight;
    }
    if (!any) return undefined;
    return weights === 0 ? 0 : total / weights;
  };
  let flat = 0;
  let flatMax = 0;
  for (const r of results.values()) {
    if (!counts(r)) continue;
    flatMax += r.weight;
    if (passes(r)) flat += r.weight;
  }
  return [
    { system: 'urn:xccdf:scoring:default', value: round(mean(items) ?? 0), maximum: 100 },
    { system: 'urn:xccdf:scoring:flat', value: round(flat), maximum: round(flatMax) },
  ];
}

const round = (n: number): number => Math.round(n * 1e6) / 1e6;
