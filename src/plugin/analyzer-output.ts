import { PluginError } from '../errors/index.js';
import type { Package } from '../model/package.js';
import { AnalyzerOutputSchema } from '../schema/plugin-protocol.js';
import { shapeProblems } from '../schema/shape-problems.js';
import { withoutNulls } from '../schema/without-nulls.js';
import type { Sbom } from '../model/sbom.js';
import type { AnalyzerOutput, PluginPackage } from './protocol.js';

/**
 * An analyzer plugin's output `{packages?: [...], warnings?: [...]}`, checked against the
 * protocol schema: a PluginError names every problem, each with its path.
 */
export function readAnalyzerOutput(name: string, output: Record<string, unknown>): AnalyzerOutput {
  const doc = withoutNulls(output) as Partial<AnalyzerOutput>;
  const problems = shapeProblems(AnalyzerOutputSchema, doc);
  if (problems.length > 0)
    throw new PluginError(`plugin ${name}: ${problems.map((p) => p.message).join('; ')}`);
  return {
    packages: (doc.packages ?? []).map((found) => {
      const pkg: PluginPackage = { name: found.name, version: found.version, type: found.type };
      if (found.purl !== undefined) pkg.purl = found.purl;
      if (found.licenses?.length) pkg.licenses = found.licenses;
      if (found.locations?.length) pkg.locations = found.locations;
      return pkg;
    }),
    warnings: doc.warnings ?? [],
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
