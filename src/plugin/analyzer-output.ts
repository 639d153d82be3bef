import { PluginError } from '../errors/index.js';
import { PACKAGE_TYPES, type Package } from '../model/package.js';
import type { Sbom } from '../model/sbom.js';
import type { AnalyzerOutput, PluginPackage } from './protocol.js';

function strings(name: string, value: unknown, where: string): string[] {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
    throw new PluginError(`plugin ${name}: ${where} must be a list of strings`);
  return value as string[];
}

function readPackage(name: string, item: unknown, at: string): PluginPackage {
  if (typeof item !== 'object' || item === null || Array.isArray(item))
    throw new PluginError(`plugin ${name}: ${at} must be an object`);
  const entry = item as Record<string, unknown>;
  for (const field of ['name', 'version'] as const) {
    if (typeof entry[field] !== 'string' || entry[field].trim() === '')
      throw new PluginError(`plugin ${name}: ${at}.${field} must be a non-empty string`);
  }
  const type = PACKAGE_TYPES.find((t) => t === entry.type);
  if (!type) throw new PluginError(`plugin ${name}: ${at}.type must be one of ${PACKAGE_TYPES.join(', ')}`);
  if (entry.purl !== undefined && typeof entry.purl !== 'string')
    throw new PluginError(`plugin ${name}: ${at}.purl must be a string`);
  const pkg: PluginPackage = { name: entry.name as string, version: entry.version as string, type };
  if (typeof entry.purl === 'string') pkg.purl = entry.purl;
  const licenses = strings(name, entry.licenses, `${at}.licenses`);
  if (licenses.length > 0) pkg.licenses = licenses;
  const locations = strings(name, entry.locations, `${at}.locations`);
  if (locations.length > 0) pkg.locations = locations;
  return pkg;
}

/** An analyzer plugin's output `{packages?: [...], warnings?: [...]}`, checked. */
export function readAnalyzerOutput(name: string, output: Record<string, unknown>): AnalyzerOutput {
  const packages = output.packages ?? [];
  if (!Array.isArray(packages)) throw new PluginError(`plugin ${name}: packages must be a list`);
  return {
    packages: packages.map((item: unknown, index) => readPackage(name, item, `packages[${index}]`)),
    warnings: strings(name, output.warnings, 'warnings'),
  };
}

/**
 * The SBOM with an analyzer's packages added (`foundBy: plugin:<name>`, skipping any the SBOM
 * already has as the same type, name and version) and its warnings appended, prefixed with
 * the plugin name. The input SBOM is not modified.
 */
export function mergeAnalyzerOutput(sbom: Sbom, name: string, output: AnalyzerOutput): Sbom {
  const key = (p: { type: string; name: string; version: string }): string =>
    `${p.type}\0${p.name}\0${p.version}`;
  const known = new Set(sbom.packages.map(key));
  const added: Package[] = [];
  for (const found of output.packages) {
    if (known.has(key(found))) continue;
    known.add(key(found));
    const pkg: Package = {
      id: `plugin:${name}:${found.type}:${found.name}@${found.version}`,
      name: found.name,
      version: found.version,
      type: found.type,
      locations: (found.locations ?? []).map((path) => ({ path })),
      foundBy: `plugin:${name}`,
    };
    if (found.purl) pkg.purl = found.purl;
    if (found.licenses) pkg.licenses = found.licenses;
    added.push(pkg);
  }
  return {
    ...sbom,
    packages: [...sbom.packages, ...added],
    warnings: [...sbom.warnings, ...output.warnings.map((w) => `plugin ${name}: ${w}`)],
  };
}
