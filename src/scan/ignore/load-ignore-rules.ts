import { readFile } from 'node:fs/promises';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../errors/index.js';
import { PACKAGE_TYPES, type PackageType } from '../../model/package.js';
import type { FixState } from '../../vulndb/model.js';
import type { IgnoreRule } from './ignore-rule.js';

const RULE_KEYS = new Set(['vulnerability', 'package', 'fix-state', 'expires', 'reason']);
const PACKAGE_KEYS = new Set(['name', 'version', 'type', 'location']);
const FIX_STATES: readonly FixState[] = ['fixed', 'not-fixed', 'wont-fix', 'not-affected'];

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
 * Throws a UsageError naming the file and the rule for anything it does not understand.
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
    doc = parseYaml(text);
  } catch (err) {
    throw new UsageError(`--ignore ${file}: not YAML or JSON (${(err as Error).message.split('\n')[0]})`);
  }
  if (doc === null || doc === undefined) return [];
  const list = Array.isArray(doc) ? doc : isObject(doc) ? doc['ignore'] : undefined;
  if (!Array.isArray(list))
    throw new UsageError(`--ignore ${file}: expected "ignore:" followed by a list of rules`);
  return list.map((raw, i) => parseRule(raw, `${file}#${i + 1}`));
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function text(value: unknown, where: string): string {
  if (typeof value === 'string' && value.trim()) return value.trim();
  if (typeof value === 'number') return String(value);
  throw new UsageError(`--ignore ${where}: expected a non-empty text`);
}

function parseRule(raw: unknown, label: string): IgnoreRule {
  if (!isObject(raw)) throw new UsageError(`--ignore ${label}: a rule must be a mapping`);
  const unknown = Object.keys(raw).find((k) => !RULE_KEYS.has(k));
  if (unknown)
    throw new UsageError(`--ignore ${label}: unknown key "${unknown}" (use ${[...RULE_KEYS].join(', ')})`);
  const rule: IgnoreRule = { label };
  if (raw['vulnerability'] !== undefined)
    rule.vulnerability = text(raw['vulnerability'], `${label} vulnerability`);
  if (raw['reason'] !== undefined) rule.reason = text(raw['reason'], `${label} reason`);
  if (raw['fix-state'] !== undefined) {
    const state = text(raw['fix-state'], `${label} fix-state`) as FixState;
    if (!FIX_STATES.includes(state)) {
      throw new UsageError(`--ignore ${label}: fix-state "${state}" is not one of ${FIX_STATES.join(', ')}`);
    }
    rule.fixState = state;
  }
  if (raw['expires'] !== undefined) rule.expires = parseDate(raw['expires'], label);
  if (raw['package'] !== undefined) rule.package = parsePackage(raw['package'], label);
  if (!rule.vulnerability && !rule.fixState && !rule.package) {
    throw new UsageError(`--ignore ${label}: a rule needs a vulnerability, package or fix-state`);
  }
  return rule;
}

function parseDate(value: unknown, label: string): string {
  const date = value instanceof Date ? value.toISOString().slice(0, 10) : String(value).trim();
  if (!/^\d{4}-\d{2}-\d{2}$/.test(date) || Number.isNaN(Date.parse(date))) {
    throw new UsageError(`--ignore ${label}: expires "${String(value)}" is not a date (YYYY-MM-DD)`);
  }
  return date;
}

function parsePackage(raw: unknown, label: string): NonNullable<IgnoreRule['package']> {
  if (!isObject(raw)) throw new UsageError(`--ignore ${label}: package must be a mapping`);
  const unknown = Object.keys(raw).find((k) => !PACKAGE_KEYS.has(k));
  if (unknown) {
    throw new UsageError(
      `--ignore ${label}: unknown package key "${unknown}" (use ${[...PACKAGE_KEYS].join(', ')})`,
    );
  }
  const pkg: NonNullable<IgnoreRule['package']> = {};
  if (raw['name'] !== undefined) pkg.name = text(raw['name'], `${label} package.name`);
  if (raw['version'] !== undefined) pkg.version = text(raw['version'], `${label} package.version`);
  if (raw['location'] !== undefined) pkg.location = text(raw['location'], `${label} package.location`);
  if (raw['type'] !== undefined) {
    const type = text(raw['type'], `${label} package.type`) as PackageType;
    if (!PACKAGE_TYPES.includes(type)) {
      throw new UsageError(
        `--ignore ${label}: package type "${type}" is not one of ${PACKAGE_TYPES.join(', ')}`,
      );
    }
    pkg.type = type;
  }
  if (!Object.keys(pkg).length)
    throw new UsageError(`--ignore ${label}: package needs name, version, type or location`);
  return pkg;
}
