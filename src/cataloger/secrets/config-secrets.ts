import type { SecretFinding } from '../../model/secret.js';
import type { ContainerConfig, HistoryEntry, ImageConfig } from '../../source/oci-types.js';
import { CONFIG_ASSIGNMENT_RULE } from './config-rules.js';
import { KeywordIndex } from './keyword-index.js';
import { findSecrets, type SecretHit, type SecretScanner } from './scan-text.js';
import type { SecretsSetup } from './secrets-cataloger.js';

export interface ConfigSecrets {
  /** Located `config:env/NAME`, `config:label/NAME`, `config:cmd`, `config:entrypoint`, `config:healthcheck`, `history[N]`. */
  findings: SecretFinding[];
  /** A copy of the config with every secret found replaced by asterisks, wherever it occurs. */
  redacted: ImageConfig;
}

/** One text of the config, where it is, and how to put its redacted form back. */
interface ConfigText {
  location: string;
  text: string;
}

/**
 * Secrets in the image config, found with the file rules plus the config's own assignment rule
 * (`DB_PASSWORD=…`), and the config with them redacted: env values, labels, commands and
 * history lines are what a registry and `docker history` show anyone who can pull the image,
 * and what the SBOM, the reconstructed Dockerfile and every report are made from.
 */
export function findConfigSecrets(config: ImageConfig, setup: SecretsSetup): ConfigSecrets {
  const rules = [...setup.rules, CONFIG_ASSIGNMENT_RULE];
  const scanner: SecretScanner = {
    index: new KeywordIndex(rules),
    allowRules: setup.allowRules,
    scanningRegex: new Map(),
  };
  const findings: SecretFinding[] = [];
  const secrets = new Set<string>();
  for (const { location, text } of configTexts(config)) {
    const latin1 = Buffer.from(text, 'utf8').toString('latin1');
    for (const hit of mostSpecific(findSecrets(scanner, { path: location }, latin1))) {
      findings.push(hit.finding);
      secrets.add(Buffer.from(hit.secret, 'latin1').toString('utf8'));
    }
  }
  if (secrets.size === 0) return { findings, redacted: config };
  const mask = masker([...secrets]);
  return { findings, redacted: redactConfig(config, mask) };
}

/** A secret a rule of its own found is not found again by the generic assignment rule. */
function mostSpecific(hits: SecretHit[]): SecretHit[] {
  const named = hits.filter((h) => h.rule.id !== CONFIG_ASSIGNMENT_RULE.id);
  return hits.filter(
    (h) =>
      h.rule.id !== CONFIG_ASSIGNMENT_RULE.id ||
      !named.some((n) => n.secret.includes(h.secret) || h.secret.includes(n.secret)),
  );
}

function configTexts(config: ImageConfig): ConfigText[] {
  const texts: ConfigText[] = [];
  const c: ContainerConfig = config.config ?? {};
  for (const entry of stringArray(c.Env)) {
    const name = entry.includes('=') ? entry.slice(0, entry.indexOf('=')) : entry;
    texts.push({ location: `config:env/${name}`, text: entry });
  }
  for (const [name, value] of Object.entries(c.Labels ?? {}))
    if (typeof value === 'string') texts.push({ location: `config:label/${name}`, text: `${name}=${value}` });
  const commands: [string, unknown][] = [
    ['entrypoint', c.Entrypoint],
    ['cmd', c.Cmd],
    ['healthcheck', c.Healthcheck?.Test],
    ['onbuild', c.OnBuild],
  ];
  for (const [name, value] of commands) {
    const parts = stringArray(value);
    if (parts.length > 0) texts.push({ location: `config:${name}`, text: parts.join(' ') });
  }
  (Array.isArray(config.history) ? config.history : []).forEach((entry: HistoryEntry, index) => {
    const text = [entry.created_by, entry.comment]
      .filter((t) => typeof t === 'string' && t !== '')
      .join('\n');
    if (text) texts.push({ location: `history[${index}]`, text });
  });
  return texts;
}

function stringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : [];
}

/** Replaces each secret, longest first, by as many asterisks, wherever it occurs. */
function masker(secrets: string[]): (text: string) => string {
  const ordered = secrets.filter((s) => s !== '').sort((a, b) => b.length - a.length);
  return (text) => ordered.reduce((t, secret) => t.split(secret).join('*'.repeat(secret.length)), text);
}

function redactConfig(config: ImageConfig, mask: (text: string) => string): ImageConfig {
  const maskAll = <T>(value: T): T =>
    Array.isArray(value) ? (value.map((v) => (typeof v === 'string' ? mask(v) : v)) as T) : value;
  const c = config.config;
  const redacted: ImageConfig = { ...config };
  if (c) {
    const copy: ContainerConfig = {
      ...c,
      Env: maskAll(c.Env),
      Entrypoint: maskAll(c.Entrypoint),
      Cmd: maskAll(c.Cmd),
      OnBuild: maskAll(c.OnBuild),
    };
    if (c.Labels)
      copy.Labels = Object.fromEntries(
        Object.entries(c.Labels).map(([k, v]) => [k, typeof v === 'string' ? mask(v) : v]),
      );
    if (c.Healthcheck) copy.Healthcheck = { ...c.Healthcheck, Test: maskAll(c.Healthcheck.Test) };
    for (const key of ['Env', 'Entrypoint', 'Cmd', 'OnBuild'] as const)
      if (c[key] === undefined) delete copy[key];
    redacted.config = copy;
  }
  if (Array.isArray(config.history))
    redacted.history = config.history.map((entry) => ({
      ...entry,
      ...(typeof entry.created_by === 'string' ? { created_by: mask(entry.created_by) } : {}),
      ...(typeof entry.comment === 'string' ? { comment: mask(entry.comment) } : {}),
    }));
  return redacted;
}
