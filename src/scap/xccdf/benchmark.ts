import type { XmlNode } from '../../xml/xml-reader.js';

export type Severity = 'unknown' | 'info' | 'low' | 'medium' | 'high';

/** A reference from an XCCDF check to its content (an OVAL definition in the document at `href`). */
export interface CheckContentRef {
  href: string;
  name?: string;
}

export interface XccdfCheck {
  system: string;
  refs: CheckContentRef[];
  /** XCCDF Value id → the name of the external variable it is exported as. */
  exports: { valueId: string; name: string }[];
  multiCheck: boolean;
  negate: boolean;
}

export interface XccdfRule {
  id: string;
  title: string;
  severity: Severity;
  weight: number;
  role: string;
  /** The rule's own `selected` attribute (the groups above it have their own). */
  selected: boolean;
  /** Platform idrefs of each group above the rule, then the rule's own (each level must apply). */
  platforms: string[][];
  checks: XccdfCheck[];
  /** A complex-check (boolean combination of checks) Customs does not evaluate. */
  complexCheck: boolean;
  /** Ids of the groups above the rule, outermost first. */
  groups: string[];
  /** Identifiers (CCE and the like) as `system`, `value`. */
  idents: { system: string; value: string }[];
  /** `requires`: each entry lists items of which one must be selected. */
  requires: string[][];
  /** `conflicts`: items that must not be selected. */
  conflicts: string[];
}

export interface XccdfValue {
  id: string;
  type: string;
  operator: string;
  /** Selector → value; the default (no selector) is under ''. */
  values: Map<string, string>;
}

export interface XccdfProfile {
  id: string;
  title: string;
  extends?: string;
  selects: { idref: string; selected: boolean }[];
  refineValues: { idref: string; selector: string }[];
  setValues: { idref: string; value: string }[];
  refineRules: { idref: string; severity?: Severity; weight?: number; role?: string }[];
}

/** The benchmark's items as nested: groups (with their weights) and rules, in document order. */
export type BenchmarkItem =
  { kind: 'group'; id: string; weight: number; children: BenchmarkItem[] } | { kind: 'rule'; id: string };

export interface Benchmark {
  id: string;
  version: string;
  title: string;
  /** The namespace the benchmark is written in (XCCDF 1.2 or 1.1). */
  ns: string;
  rules: XccdfRule[];
  /** Group id → the ids of the rules below it and whether the group itself is selected. */
  groups: Map<string, { selected: boolean; rules: string[] }>;
  values: Map<string, XccdfValue>;
  profiles: Map<string, XccdfProfile>;
  /** The benchmark's own platform idrefs. */
  platforms: string[];
  items: BenchmarkItem[];
}

const SEVERITIES: ReadonlySet<string> = new Set(['unknown', 'info', 'low', 'medium', 'high']);

export function readSeverity(value: string | undefined): Severity | undefined {
  return value !== undefined && SEVERITIES.has(value) ? (value as Severity) : undefined;
}

const titleOf = (el: XmlNode): string => el.children.find((c) => c.name === 'title')?.text.trim() ?? '';
const bool = (value: string | undefined, fallback: boolean): boolean =>
  value === undefined ? fallback : value === 'true' || value === '1';
const platformsOf = (el: XmlNode): string[] =>
  el.children.filter((c) => c.name === 'platform' && c.attrs.idref).map((c) => c.attrs.idref!);

function readCheck(el: XmlNode): XccdfCheck {
  return {
    system: el.attrs.system ?? '',
    refs: el.children
      .filter((c) => c.name === 'check-content-ref')
      .map((c) => ({ href: c.attrs.href ?? '', ...(c.attrs.name ? { name: c.attrs.name } : {}) })),
    exports: el.children
      .filter((c) => c.name === 'check-export' && c.attrs['value-id'] && c.attrs['export-name'])
      .map((c) => ({ valueId: c.attrs['value-id']!, name: c.attrs['export-name']! })),
    multiCheck: bool(el.attrs['multi-check'], false),
    negate: bool(el.attrs.negate, false),
  };
}

function readValue(el: XmlNode): XccdfValue {
  const values = new Map<string, string>();
  for (const v of el.children) if (v.name === 'value') values.set(v.attrs.selector ?? '', v.text);
  return {
    id: el.attrs.id ?? '',
    type: el.attrs.type ?? 'string',
    operator: el.attrs.operator ?? 'equals',
    values,
  };
}

function readProfile(el: XmlNode): XccdfProfile {
  const pick = (name: string): XmlNode[] => el.children.filter((c) => c.name === name && c.attrs.idref);
  return {
    id: el.attrs.id ?? '',
    title: titleOf(el),
    ...(el.attrs.extends ? { extends: el.attrs.extends } : {}),
    selects: pick('select').map((c) => ({ idref: c.attrs.idref!, selected: bool(c.attrs.selected, false) })),
    refineValues: pick('refine-value').map((c) => ({
      idref: c.attrs.idref!,
      selector: c.attrs.selector ?? '',
    })),
    setValues: pick('set-value').map((c) => ({ idref: c.attrs.idref!, value: c.text })),
    refineRules: pick('refine-rule').map((c) => {
      const severity = readSeverity(c.attrs.severity);
      return {
        idref: c.attrs.idref!,
        ...(severity ? { severity } : {}),
        ...(c.attrs.weight !== undefined ? { weight: Number(c.attrs.weight) } : {}),
        ...(c.attrs.role ? { role: c.attrs.role } : {}),
      };
    }),
  };
}

/** Reads an XCCDF Benchmark element (resolved: no `extends` between items) into its model. */
export function readBenchmark(el: XmlNode): Benchmark {
  const benchmark: Benchmark = {
    id: el.attrs.id ?? '',
    version: el.children.find((c) => c.name === 'version')?.text.trim() ?? '',
    title: titleOf(el),
    ns: el.ns,
    rules: [],
    groups: new Map(),
    values: new Map(),
    profiles: new Map(),
    platforms: platformsOf(el),
    items: [],
  };
  const walk = (node: XmlNode, groups: string[], platforms: string[][], items: BenchmarkItem[]): string[] => {
    const below: string[] = [];
    for (const child of node.children) {
      if (child.name === 'Value') {
        const value = readValue(child);
        benchmark.values.set(value.id, value);
      } else if (child.name === 'Profile') {
        const profile = readProfile(child);
        benchmark.profiles.set(profile.id, profile);
      } else if (child.name === 'Group') {
        const id = child.attrs.id ?? '';
        const groupSelected = bool(child.attrs.selected, true);
        const group: BenchmarkItem = {
          kind: 'group',
          id,
          weight: child.attrs.weight !== undefined ? Number(child.attrs.weight) : 1,
          children: [],
        };
        items.push(group);
        const rules = walk(child, [...groups, id], [...platforms, platformsOf(child)], group.children);
        benchmark.groups.set(id, { selected: groupSelected, rules });
        below.push(...rules);
      } else if (child.name === 'Rule') {
        const id = child.attrs.id ?? '';
        const checks = child.children.filter((c) => c.name === 'check').map(readCheck);
        benchmark.rules.push({
          id,
          title: titleOf(child),
          severity: readSeverity(child.attrs.severity) ?? 'unknown',
          weight: child.attrs.weight !== undefined ? Number(child.attrs.weight) : 1,
          role: child.attrs.role ?? 'full',
          selected: bool(child.attrs.selected, true),
          platforms: [...platforms, platformsOf(child)],
          checks,
          complexCheck: checks.length === 0 && child.children.some((c) => c.name === 'complex-check'),
          groups,
          idents: child.children
            .filter((c) => c.name === 'ident')
            .map((c) => ({ system: c.attrs.system ?? '', value: c.text.trim() })),
          requires: child.children
            .filter((c) => c.name === 'requires' && c.attrs.idref)
            .map((c) => c.attrs.idref!.split(/\s+/).filter(Boolean)),
          conflicts: child.children
            .filter((c) => c.name === 'conflicts' && c.attrs.idref)
            .map((c) => c.attrs.idref!),
        });
        items.push({ kind: 'rule', id });
        below.push(id);
      }
    }
    return below;
  };
  walk(el, [], [], benchmark.items);
  return benchmark;
}
