import type { ScapContent } from '../content/load-content.js';
import { OVAL_SYSTEM } from '../namespaces.js';
import { newContext, type OvalContext } from '../oval/context.js';
import { evaluateDefinition } from '../oval/definitions.js';
import type { ScanSystem } from '../system.js';
import type { XccdfProfile, XccdfRule } from './benchmark.js';
import { PlatformResolver } from './platform.js';
import { resolveProfile, type ResolvedProfile } from './profile.js';
import { ruleResultOf, type RuleResult } from './rule-result.js';
import { scores, type Score } from './score.js';

export interface BenchmarkEvaluation {
  benchmark: { id: string; version: string; title: string };
  profile?: { id: string; title: string };
  /** Every rule of the benchmark, in document order. */
  results: RuleResult[];
  scores: Score[];
  /** The XCCDF Values that were exported to OVAL, by Value id. */
  values: Map<string, string>;
  /** Whether the benchmark's own platforms apply (if not, every selected rule is notapplicable). */
  benchmarkApplicable: boolean;
}

/** The external variable values the selected rules export: OVAL variable id → values. */
function exportedValues(rules: readonly XccdfRule[], resolved: ResolvedProfile): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const rule of rules)
    for (const check of rule.checks)
      for (const e of check.exports) {
        const value = resolved.values.get(e.valueId);
        if (value !== undefined && !out.has(e.name)) out.set(e.name, [value]);
      }
  return out;
}

/**
 * Evaluates the benchmark under a profile (or its defaults) against `system`: each rule is
 * notselected, notapplicable (its platforms, or those of a group above it or of the benchmark,
 * do not apply), notchecked (no OVAL check, a check Customs cannot run, a complex check), or
 * the result of its OVAL definition. Synchronous: the system answers from what it holds.
 */
export function evaluateBenchmark(
  content: ScapContent,
  system: ScanSystem,
  options: { profile?: XccdfProfile; profiles?: ReadonlyMap<string, XccdfProfile> } = {},
): BenchmarkEvaluation {
  const { benchmark } = content;
  const resolved = resolveProfile(benchmark, options.profile, options.profiles ?? benchmark.profiles);
  const selected = benchmark.rules.filter((r) => resolved.isSelected(r));
  const externals = exportedValues(selected, resolved);
  const contexts = new Map<string, OvalContext>();
  const platformContexts = new Map<string, OvalContext>();
  const contextFor = (
    cache: Map<string, OvalContext>,
    href: string,
    withExternals: boolean,
  ): OvalContext | undefined => {
    let context = cache.get(href);
    if (!context) {
      const doc = content.oval.get(href);
      if (!doc) return undefined;
      context = newContext(doc, system, withExternals ? externals : new Map());
      cache.set(href, context);
    }
    return context;
  };
  const platforms = new PlatformResolver(content.cpe, (href, id) => {
    const context = contextFor(platformContexts, href, false);
    return context ? evaluateDefinition(context, id) : undefined;
  });
  const benchmarkApplicable = platforms.anyApplies(benchmark.platforms);
  const results: RuleResult[] = [];
  for (const rule of benchmark.rules) {
    const base = {
      ruleId: rule.id,
      title: rule.title,
      severity: resolved.severity(rule),
      weight: resolved.weight(rule),
      role: resolved.role(rule),
      idents: rule.idents,
    };
    if (!resolved.isSelected(rule)) {
      results.push({ ...base, result: 'notselected' });
      continue;
    }
    if (!benchmarkApplicable || !rule.platforms.every((level) => platforms.anyApplies(level))) {
      results.push({ ...base, result: 'notapplicable' });
      continue;
    }
    if (base.role === 'unchecked') {
      results.push({ ...base, result: 'notchecked', message: 'the rule is unchecked by its role' });
      continue;
    }
    const check = rule.checks.find((c) => c.system === OVAL_SYSTEM);
    const ref = check?.refs[0];
    if (!check || !ref) {
      const message = rule.complexCheck
        ? 'complex checks are not supported'
        : rule.checks.length > 0
          ? `no OVAL check (only ${[...new Set(rule.checks.map((c) => c.system))].join(', ')})`
          : 'the rule has no check';
      results.push({ ...base, result: 'notchecked', message });
      continue;
    }
    if (!ref.name || check.multiCheck) {
      results.push({
        ...base,
        result: 'notchecked',
        message: 'checks of every definition of a document (multi-check) are not supported',
      });
      continue;
    }
    const context = contextFor(contexts, ref.href, true);
    if (!context || !context.doc.definitions.has(ref.name)) {
      results.push({
        ...base,
        result: 'notchecked',
        message: `OVAL definition ${ref.name} not found in ${ref.href}`,
      });
      continue;
    }
    const oval = evaluateDefinition(context, ref.name);
    const definitionClass = context.doc.definitions.get(ref.name)!.attrs.class ?? 'compliance';
    const result = ruleResultOf(oval, definitionClass, check.negate);
    results.push({
      ...base,
      result,
      check: { system: check.system, href: ref.href, name: ref.name, ovalResult: oval },
      ...(result === 'notchecked'
        ? { message: 'a test the definition needs uses an OVAL object Customs does not collect' }
        : {}),
    });
  }
  const byId = new Map(results.map((r) => [r.ruleId, r]));
  const values = new Map<string, string>();
  for (const rule of selected)
    for (const c of rule.checks)
      for (const e of c.exports) {
        const v = resolved.values.get(e.valueId);
        if (v !== undefined) values.set(e.valueId, v);
      }
  return {
    benchmark: { id: benchmark.id, version: benchmark.version, title: benchmark.title },
    ...(resolved.profile ? { profile: { id: resolved.profile.id, title: resolved.profile.title } } : {}),
    results,
    scores: scores(benchmark.items, byId),
    values,
    benchmarkApplicable,
  };
}
