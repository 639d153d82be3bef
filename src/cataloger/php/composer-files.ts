import { type ComposerOutcome, type ComposerPackage, composerPackage } from './composer-package.js';

function parseJson(source: string, what: string): unknown | { error: string } {
  try {
    return JSON.parse(source.replace(/^\uFEFF/, '')) as unknown;
  } catch (err) {
    return { error: `${what} is not valid JSON: ${(err as Error).message}` };
  }
}

function isError(value: unknown): value is { error: string } {
  return !!value && typeof value === 'object' && typeof (value as { error?: unknown }).error === 'string';
}

function collect(list: unknown, dev: boolean, packages: ComposerPackage[], problems: string[]): void {
  if (list === undefined || list === null) return;
  if (!Array.isArray(list)) {
    problems.push(`${dev ? 'packages-dev' : 'packages'} is not a list`);
    return;
  }
  list.forEach((raw, index) => {
    const pkg = composerPackage(raw, dev);
    if (pkg) packages.push(pkg);
    else problems.push(`package #${index + 1} has no name or version`);
  });
}

/** Parses composer.lock: `packages` and `packages-dev`; never throws. */
export function parseComposerLock(source: string): ComposerOutcome {
  const json = parseJson(source, 'composer.lock');
  if (isError(json)) return { kind: 'invalid', message: json.error };
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { kind: 'invalid', message: 'composer.lock is not a JSON object' };
  }
  const root = json as Record<string, unknown>;
  const packages: ComposerPackage[] = [];
  const problems: string[] = [];
  collect(root.packages, false, packages, problems);
  collect(root['packages-dev'], true, packages, problems);
  return { kind: 'packages', packages, problems };
}

/**
 * Parses vendor/composer/installed.json: composer 1 writes an array of packages, composer 2
 * `{ packages: [...], dev: bool, dev-package-names: [...] }`; never throws.
 */
export function parseInstalledJson(source: string): ComposerOutcome {
  const json = parseJson(source, 'installed.json');
  if (isError(json)) return { kind: 'invalid', message: json.error };
  const packages: ComposerPackage[] = [];
  const problems: string[] = [];
  if (Array.isArray(json)) {
    collect(json, false, packages, problems);
    return { kind: 'packages', packages, problems };
  }
  if (!json || typeof json !== 'object')
    return { kind: 'invalid', message: 'installed.json is not a JSON object' };
  const root = json as Record<string, unknown>;
  const devNames = new Set(
    Array.isArray(root['dev-package-names'])
      ? root['dev-package-names'].filter((n) => typeof n === 'string')
      : [],
  );
  collect(root.packages, false, packages, problems);
  for (const pkg of packages) if (devNames.has(pkg.name)) pkg.dev = true;
  return { kind: 'packages', packages, problems };
}
