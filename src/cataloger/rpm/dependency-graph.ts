import type { Package } from '../../model/package.js';
import type { Relationship } from '../../model/sbom.js';

interface RpmDepsView {
  requires?: string[];
  provides?: string[];
  files?: Array<{ path: string }>;
}

function depsOf(pkg: Package): RpmDepsView {
  return (pkg.metadata ?? {}) as RpmDepsView;
}

/**
 * `depends-on` edges from each rpm to the installed rpms that satisfy its requirements: by
 * package name, by a provided capability, or (for file requirements such as `/bin/sh`) by an
 * owned file. `rpmlib(...)` and unresolved requirements are ignored. No self edges or duplicates.
 */
export function rpmDependencyRelationships(packages: Package[]): Relationship[] {
  const providers = new Map<string, Package[]>();
  const add = (capability: string, pkg: Package): void => {
    const list = providers.get(capability);
    if (!list) providers.set(capability, [pkg]);
    else if (!list.includes(pkg)) list.push(pkg);
  };
  for (const pkg of packages) {
    add(pkg.name, pkg);
    const meta = depsOf(pkg);
    for (const capability of meta.provides ?? []) add(capability, pkg);
  }
  const wantedFiles = new Set<string>();
  for (const pkg of packages)
    for (const r of depsOf(pkg).requires ?? []) if (r.startsWith('/')) wantedFiles.add(r);
  for (const pkg of packages) {
    for (const file of depsOf(pkg).files ?? []) if (wantedFiles.has(file.path)) add(file.path, pkg);
  }
  const relationships: Relationship[] = [];
  const seen = new Set<string>();
  for (const pkg of packages) {
    for (const requirement of depsOf(pkg).requires ?? []) {
      if (requirement.startsWith('rpmlib(')) continue;
      for (const target of providers.get(requirement) ?? []) {
        const key = `${pkg.id}>${target.id}`;
        if (target.id === pkg.id || seen.has(key)) continue;
        seen.add(key);
        relationships.push({ from: pkg.id, to: target.id, type: 'depends-on' });
      }
    }
  }
  return relationships;
}
