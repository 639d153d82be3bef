import { UsageError } from '../../errors/index.js';
import type { Benchmark, Severity, XccdfProfile, XccdfRule } from './benchmark.js';

/** What a profile (or no profile: the benchmark's defaults) makes of the benchmark. */
export interface ResolvedProfile {
  /** Absent when the benchmark's defaults are evaluated. */
  profile?: XccdfProfile;
  isSelected(rule: XccdfRule): boolean;
  /** The value of each XCCDF Value under the profile. */
  values: Map<string, string>;
  /** Severity, weight and role after the profile's refine-rule elements. */
  severity(rule: XccdfRule): Severity;
  weight(rule: XccdfRule): number;
  role(rule: XccdfRule): string;
}

/**
 * The profile `wanted` names: its full id, or the one id that ends with `_<wanted>` (as `oscap`
 * accepts `standard` for `xccdf_org.ssgproject.content_profile_standard`). Tailoring profiles
 * come first.
 */
export function findProfile(profiles: ReadonlyMap<string, XccdfProfile>, wanted: string): XccdfProfile {
  const exact = profiles.get(wanted);
  if (exact) return exact;
  const suffix = [...profiles.values()].filter(
    (p) => p.id.endsWith(`_${wanted}`) || p.id.endsWith(`.${wanted}`),
  );
  if (suffix.length === 1) return suffix[0]!;
  const known = [...profiles.keys()].join(', ');
  if (suffix.length > 1)
    throw new UsageError(`profile "${wanted}" is ambiguous: ${suffix.map((p) => p.id).join(', ')}`);
  throw new UsageError(`no profile "${wanted}" in the content (profiles: ${known || 'none'})`);
}

/** The profile and the profiles it extends, base first. */
function chain(profiles: ReadonlyMap<string, XccdfProfile>, profile: XccdfProfile): XccdfProfile[] {
  const out: XccdfProfile[] = [];
  const seen = new Set<string>();
  let current: XccdfProfile | undefined = profile;
  while (current && !seen.has(current.id)) {
    seen.add(current.id);
    out.unshift(current);
    current = current.extends ? profiles.get(current.extends) : undefined;
  }
  return out;
}

/**
 * Applies a profile to the benchmark: selections of rules and groups, refine-value and set-value
 * of Values, refine-rule of severity, weight and role, through the profiles it extends.
 * `profiles` holds the benchmark's profiles and any tailoring's (which win).
 */
export function resolveProfile(
  benchmark: Benchmark,
  profile: XccdfProfile | undefined,
  profiles: ReadonlyMap<string, XccdfProfile> = benchmark.profiles,
): ResolvedProfile {
  const ruleSelected = new Map<string, boolean>();
  const groupSelected = new Map<string, boolean>();
  for (const [id, g] of benchmark.groups) groupSelected.set(id, g.selected);
  for (const rule of benchmark.rules) ruleSelected.set(rule.id, rule.selected);
  const values = new Map<string, string>();
  for (const [id, v] of benchmark.values) {
    const d = v.values.get('') ?? v.values.values().next().value;
    if (d !== undefined) values.set(id, d);
  }
  const refined = new Map<string, { severity?: Severity; weight?: number; role?: string }>();
  for (const p of profile ? chain(profiles, profile) : []) {
    for (const s of p.selects) {
      if (ruleSelected.has(s.idref)) ruleSelected.set(s.idref, s.selected);
      else if (groupSelected.has(s.idref)) groupSelected.set(s.idref, s.selected);
    }
    for (const r of p.refineValues) {
      const v = benchmark.values.get(r.idref)?.values.get(r.selector);
      if (v !== undefined) values.set(r.idref, v);
    }
    for (const s of p.setValues) values.set(s.idref, s.value);
    for (const r of p.refineRules) refined.set(r.idref, { ...refined.get(r.idref), ...r });
  }
  const byId = new Map(benchmark.rules.map((r) => [r.id, r]));
  const chosen = (rule: XccdfRule): boolean =>
    (ruleSelected.get(rule.id) ?? false) && rule.groups.every((g) => groupSelected.get(g) !== false);
  const itemChosen = (id: string): boolean => {
    const rule = byId.get(id);
    return rule ? chosen(rule) : groupSelected.get(id) === true;
  };
  return {
    ...(profile ? { profile } : {}),
    // XCCDF 1.2 § 7.2.3.2: a rule whose requirements are not selected, or that conflicts with a
    // selected item, is not selected.
    isSelected: (rule) =>
      chosen(rule) && rule.requires.every((any) => any.some(itemChosen)) && !rule.conflicts.some(itemChosen),
    values,
    severity: (rule) => refined.get(rule.id)?.severity ?? rule.severity,
    weight: (rule) => refined.get(rule.id)?.weight ?? rule.weight,
    role: (rule) => refined.get(rule.id)?.role ?? rule.role,
  };
}
