import { readFileSync } from 'node:fs';
import { parse as parseYaml } from 'yaml';
import { UsageError } from '../../errors/index.js';
import { LinearRegExp, PatternSyntaxError } from '../../pattern/index.js';
import { SEVERITIES, type AllowRule, type SecretRule, type Severity } from './secret-rule.js';

/** A user's secret rules file (trivy-secret.yaml style), validated and compiled. */
export interface SecretRulesConfig {
  rules: SecretRule[];
  allowRules: AllowRule[];
  disableRules: string[];
  disableAllowRules: string[];
  /** Built-in rules to keep; undefined: all of them. */
  enableBuiltinRules?: string[];
}

type Fields = Record<string, unknown>;

class RulesFileProblem extends Error {}

/**
 * A rule's regex: trivy rule files are written in Go's RE2 syntax (`(?P<name>…)`, `(?i)`, `\A`,
 * `\z`), which the linear-time engine reads as it is, so a user's rule cannot stall a scan.
 */
export function compileRuleRegex(source: string, where: string): RegExp {
  try {
    return new LinearRegExp(source);
  } catch (err) {
    if (!(err instanceof PatternSyntaxError)) throw err;
    throw new RulesFileProblem(`${where}: invalid regex: ${err.message}`);
  }
}

function stringList(value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new RulesFileProblem(`${where} must be a list of strings`);
  return value as string[];
}

function optionalString(fields: Fields, key: string, where: string): string | undefined {
  const value = fields[key];
  if (value === undefined || value === null) return undefined;
  if (typeof value !== 'string') throw new RulesFileProblem(`${where}: "${key}" must be a string`);
  return value;
}

function objectList(value: unknown, where: string): Fields[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'object' || v === null || Array.isArray(v)))
    throw new RulesFileProblem(`${where} must be a list of objects`);
  return value as Fields[];
}

function allowRule(fields: Fields, where: string): AllowRule {
  const id = optionalString(fields, 'id', where);
  if (!id) throw new RulesFileProblem(`${where}: "id" is required`);
  const here = `${where} (${id})`;
  const path = optionalString(fields, 'path', here);
  const regex = optionalString(fields, 'regex', here);
  if (path === undefined && regex === undefined)
    throw new RulesFileProblem(`${here}: an allow rule needs "path" or "regex"`);
  const rule: AllowRule = { id };
  const description = optionalString(fields, 'description', here);
  if (description !== undefined) rule.description = description;
  if (path !== undefined) rule.path = compileRuleRegex(path, `${here} path`);
  if (regex !== undefined) rule.regex = compileRuleRegex(regex, `${here} regex`);
  return rule;
}

function secretRule(fields: Fields, where: string): SecretRule {
  const id = optionalString(fields, 'id', where);
  if (!id) throw new RulesFileProblem(`${where}: "id" is required`);
  const here = `rule ${id}`;
  const source = optionalString(fields, 'regex', here);
  if (!source) throw new RulesFileProblem(`${here}: "regex" is required`);
  const severity = (optionalString(fields, 'severity', here) ?? 'MEDIUM').toUpperCase();
  if (!SEVERITIES.includes(severity as Severity))
    throw new RulesFileProblem(`${here}: severity "${severity}" is not one of ${SEVERITIES.join(', ')}`);
  const groupName = optionalString(fields, 'secret-group-name', here);
  let regex = compileRuleRegex(source, here);
  if (groupName && groupName !== 'secret')
    regex = compileRuleRegex(
      source.replace(`(?P<${groupName}>`, '(?P<secret>').replace(`(?<${groupName}>`, '(?<secret>'),
      here,
    );
  const rule: SecretRule = {
    id,
    category: optionalString(fields, 'category', here) ?? 'custom',
    title: optionalString(fields, 'title', here) ?? id,
    severity: severity as Severity,
    keywords: stringList(fields['keywords'], `${here}: "keywords"`).map((k) => k.toLowerCase()),
    regex,
  };
  const path = optionalString(fields, 'path', here);
  if (path !== undefined) rule.path = compileRuleRegex(path, `${here} path`);
  const allow = objectList(fields['allow-rules'], `${here}: "allow-rules"`);
  if (allow.length > 0) rule.allowRules = allow.map((a, i) => allowRule(a, `${here} allow rule ${i + 1}`));
  return rule;
}

/** Parses the text of a rules file; throws RulesFileProblem with what is wrong. */
function parseRules(text: string): SecretRulesConfig {
  let doc: unknown;
  try {
    doc = parseYaml(text, { logLevel: 'error' });
  } catch (err) {
    throw new RulesFileProblem(`not valid YAML or JSON: ${(err as Error).message}`);
  }
  if (doc === null || doc === undefined) doc = {};
  if (typeof doc !== 'object' || Array.isArray(doc))
    throw new RulesFileProblem('expected a mapping at the top');
  const fields = doc as Fields;
  const config: SecretRulesConfig = {
    rules: objectList(fields['rules'], '"rules"').map((r, i) => secretRule(r, `rule ${i + 1}`)),
    allowRules: objectList(fields['allow-rules'], '"allow-rules"').map((a, i) =>
      allowRule(a, `allow rule ${i + 1}`),
    ),
    disableRules: stringList(fields['disable-rules'], '"disable-rules"'),
    disableAllowRules: stringList(fields['disable-allow-rules'], '"disable-allow-rules"'),
  };
  if (fields['enable-builtin-rules'] !== undefined)
    config.enableBuiltinRules = stringList(fields['enable-builtin-rules'], '"enable-builtin-rules"');
  return config;
}

/** Reads and validates a rules file; any problem is a UsageError naming the file. */
export function loadSecretRulesFile(file: string): SecretRulesConfig {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new UsageError(`secret rules file ${file}: cannot read it: ${(err as Error).message}`);
  }
  try {
    return parseRules(text);
  } catch (err) {
    if (err instanceof RulesFileProblem) throw new UsageError(`secret rules file ${file}: ${err.message}`);
    throw err;
  }
}
