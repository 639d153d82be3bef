/** What composer.lock and installed.json say about one package. */
export interface ComposerPackage {
  name: string;
  /** As composer wrote it (a leading `v` is kept: `v5.4.1`). */
  version: string;
  licenses: string[];
  dev: boolean;
  /** Names of required packages (platform requirements such as `php` and `ext-*` left out). */
  requires: string[];
  type?: string;
  description?: string;
  homepage?: string;
  time?: string;
  source?: { type?: string; url?: string; reference?: string };
  dist?: { type?: string; url?: string; reference?: string; shasum?: string };
}

export type ComposerOutcome =
  | { kind: 'packages'; packages: ComposerPackage[]; problems: string[] }
  | { kind: 'invalid'; message: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

function record(value: unknown): Record<string, unknown> | undefined {
  return value && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

/** Composer's `license`: one id or a list of alternatives (the user may choose: OR). */
export function composerLicenses(value: unknown): string[] {
  const list = Array.isArray(value) ? value : [value];
  const names = [...new Set(list.map(text).filter((n): n is string => n !== undefined))];
  if (names.length <= 1) return names;
  return [names.map((n) => (/ (OR|AND|WITH) /.test(n) ? `(${n})` : n)).join(' OR ')];
}

function isPlatform(name: string): boolean {
  return !name.includes('/') || name.startsWith('ext-') || name.startsWith('lib-');
}

function reference(value: unknown): ComposerPackage['dist'] | undefined {
  const raw = record(value);
  if (!raw) return undefined;
  const out: NonNullable<ComposerPackage['dist']> = {};
  for (const key of ['type', 'url', 'reference', 'shasum'] as const) {
    const v = text(raw[key]);
    if (v) out[key] = v;
  }
  return Object.keys(out).length ? out : undefined;
}

/** One package object of composer.lock or installed.json; undefined when it has no name or version. */
export function composerPackage(raw: unknown, dev: boolean): ComposerPackage | undefined {
  const entry = record(raw);
  const name = text(entry?.name);
  const version = text(entry?.version);
  if (!entry || !name || !version) return undefined;
  const pkg: ComposerPackage = {
    name,
    version,
    licenses: composerLicenses(entry.license),
    dev,
    requires: Object.keys(record(entry.require) ?? {}).filter((n) => !isPlatform(n)),
  };
  for (const key of ['type', 'description', 'homepage', 'time'] as const) {
    const v = text(entry[key]);
    if (v) pkg[key] = v;
  }
  const source = reference(entry.source);
  if (source) pkg.source = source;
  const dist = reference(entry.dist);
  if (dist) pkg.dist = dist;
  return pkg;
}
