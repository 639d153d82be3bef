import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../errors/index.js';
import { type IgnoreRuleDocument, IgnoreRuleSchema } from '../../schema/ignore-rules.js';
import { shapeProblems } from '../../schema/shape-problems.js';
import type { IgnoreRule } from './ignore-rule.js';

/**
 * Reads an ignore file (YAML or JSON): `ignore:` followed by a list of rules (or the list alone).
 *
 *   ignore:
 *     - vulnerability: CVE-2023-4911
 *       package: { name: libc6, type: deb, location: /usr/lib/** }
 *       fix-state: not-fixed
 *       expires: 2026-12-31
 *       reason: not reachable from the entrypoint
 *
 * Throws one UsageError naming the file, each rule and everything in it that it does not understand
 * (the shape from src/schema/ignore-rules.ts).
 */
export async function loadIgnoreRules(file: string): Promise<IgnoreRule[]> {
  const text = await readFile(file, 'utf8').catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`--ignore ${file}: cannot read it (${err.code ?? err.message})`);
  });
  return parseIgnoreRules(text, file);
}

export function parseIgnoreRules(text: string, file: string): IgnoreRule[] {
  let doc: unknown;
  try {
    doc = parseYaml(text, { logLevel: 'error' });
  } catch (err) {
    throw new UsageError(`--ignore ${file}: not YAML or JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (doc === null || doc === undefined) return [];
  const list = Array.isArray(doc) ? doc : isObject(doc) ? doc['ignore'] : undefined;
  if (!Array.isArray(list))
    throw new UsageError(`--ignore ${file}: expected "ignore:" followed by a list of rules`);
  return readRules(list, file);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Every problem of every rule, one line: `x.yaml#1: unknown key "a" (…); x.yaml#3: …`. */
function readRules(list: unknown[], file: string): IgnoreRule[] {
  const problems: string[] = [];
  const rules = list.map((raw, i) => {
    const label = `${file}#${i + 1}`;
    const found = shapeProblems(IgnoreRuleSchema, raw).map((p) => p.message);
    const rule = found.length === 0 ? ruleOf(raw as IgnoreRuleDocument, label, found) : undefined;
    if (found.length > 0) problems.push(`${label}: ${found.join('; ')}`);
    return rule;
  });
  if (problems.length > 0) throw new UsageError(`--ignore ${problems.join('; ')}`);
  return rules as IgnoreRule[];
}

const text = (value: string | number): string => String(value).trim();

/** A rule the schema accepted, with what it cannot say checked: `problems` gets those. */
function ruleOf(raw: IgnoreRuleDocument, label: string, problems: string[]): IgnoreRule {
  const rule: IgnoreRule = { label };
  if (raw.vulnerability !== undefined) rule.vulnerability = text(raw.vulnerability);
  if (raw.reason !== undefined) rule.reason = text(raw.reason);
  if (raw['fix-state'] !== undefined) rule.fixState = raw['fix-state'];
  if (raw.expires !== undefined) {
    const date = raw.expires.trim();
    if (Number.isNaN(Date.parse(date))) problems.push(`expires "${raw.expires}" is not a date (YYYY-MM-DD)`);
    else rule.expires = date;
  }
  if (raw.package !== undefined) {
    const { name, version, type, location } = raw.package;
    const pkg: NonNullable<IgnoreRule['package']> = {};
    if (name !== undefined) pkg.name = text(name);
    if (version !== undefined) pkg.version = text(version);
    if (type !== undefined) pkg.type = type;
    if (location !== undefined) pkg.location = text(location);
    if (Object.keys(pkg).length === 0) problems.push('package needs name, version, type or location');
    else rule.package = pkg;
  }
  if (!rule.vulnerability && !rule.fixState && !raw.package)
    problems.push('a rule needs a vulnerability, package or fix-state');
  return rule;
}
