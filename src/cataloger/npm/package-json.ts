import { npmLicenses } from './license.js';

/** What an installed package.json says about its package. */
export interface PackageJsonInfo {
  name: string;
  version: string;
  licenses: string[];
  author?: string;
  homepage?: string;
  repository?: string;
  private: boolean;
  /** Names this package requires at run time (dependencies + optionalDependencies). */
  dependencies: string[];
}

export type PackageJsonOutcome =
  | { kind: 'package'; info: PackageJsonInfo }
  | { kind: 'skip'; reason: string }
  | { kind: 'invalid'; message: string };

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** A person as a string ('Name <mail> (url)') or an object { name, email, url }. */
export function personText(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (!value || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const person = value as { name?: unknown; email?: unknown; url?: unknown };
  const parts = [text(person.name), text(person.email) && `<${text(person.email)}>`];
  if (text(person.url)) parts.push(`(${text(person.url)})`);
  const joined = parts.filter(Boolean).join(' ');
  return joined || undefined;
}

function authorOf(json: Record<string, unknown>): string | undefined {
  const direct = personText(json.author);
  if (direct) return direct;
  for (const field of ['authors', 'contributors', 'maintainers']) {
    const list = json[field];
    const people = Array.isArray(list) ? list.map(personText).filter(Boolean) : [personText(list)];
    const joined = people.filter(Boolean).join(', ');
    if (joined) return joined;
  }
  return undefined;
}

function repositoryOf(value: unknown): string | undefined {
  if (typeof value === 'string') return text(value);
  if (value && typeof value === 'object') return text((value as { url?: unknown }).url);
  return undefined;
}

function dependencyNames(json: Record<string, unknown>): string[] {
  const names = new Set<string>();
  for (const field of ['dependencies', 'optionalDependencies']) {
    const deps = json[field];
    if (deps && typeof deps === 'object' && !Array.isArray(deps))
      for (const n of Object.keys(deps)) names.add(n);
  }
  return [...names];
}

/** Parses the text of an installed package.json; never throws. */
export function parsePackageJson(source: string): PackageJsonOutcome {
  let json: unknown;
  try {
    json = JSON.parse(source.replace(/^\uFEFF/, ''));
  } catch (err) {
    return { kind: 'invalid', message: `package.json is not valid JSON: ${(err as Error).message}` };
  }
  if (!json || typeof json !== 'object' || Array.isArray(json)) {
    return { kind: 'invalid', message: 'package.json is not a JSON object' };
  }
  const record = json as Record<string, unknown>;
  const name = text(record.name);
  const version = text(record.version);
  if (!name || !version) return { kind: 'skip', reason: 'no name or version' };
  const info: PackageJsonInfo = {
    name,
    version,
    licenses: npmLicenses(record.license, record.licenses),
    private: record.private === true,
    dependencies: dependencyNames(record),
  };
  const author = authorOf(record);
  if (author) info.author = author;
  const homepage = text(record.homepage);
  if (homepage) info.homepage = homepage;
  const repository = repositoryOf(record.repository);
  if (repository) info.repository = repository;
  return { kind: 'package', info };
}
