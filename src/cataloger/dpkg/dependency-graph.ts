import { dpkgMetadata } from './dpkg-metadata.js';
import type { Package } from '../../model/package.js';
import type { Relationship } from '../../model/sbom.js';

function splitGroup(group: string): string[] {
  return group
    .split('|')
    .map((name) => name.trim())
    .filter(Boolean);
}

/**
 * `depends-on` edges from each package to the installed packages its Depends and Pre-Depends
 * name, directly or through Provides. Every alternative of `a | b` that is installed gets an
 * edge (as syft does); alternatives nothing provides are ignored. No self edges, no duplicates.
 */
export function dependencyRelationships(packages: Package[]): Relationship[] {
  const providers = new Map<string, Package[]>();
  const add = (name: string, pkg: Package): void => {
    const list = providers.get(name) ?? [];
    if (!list.includes(pkg)) list.push(pkg);
    providers.set(name, list);
  };
  for (const pkg of packages) {
    add(pkg.name, pkg);
    for (const provided of dpkgMetadata(pkg)?.provides ?? []) add(provided, pkg);
  }

  const relationships: Relationship[] = [];
  const seen = new Set<string>();
  for (const pkg of packages) {
    const groups = [...(dpkgMetadata(pkg)?.preDepends ?? []), ...(dpkgMetadata(pkg)?.depends ?? [])];
    for (const group of groups) {
      for (const name of splitGroup(group)) {
        for (const target of providers.get(name) ?? []) {
          const key = `${pkg.id}>${target.id}`;
          if (target.id === pkg.id || seen.has(key)) continue;
          seen.add(key);
          relationships.push({ from: pkg.id, to: target.id, type: 'depends-on' });
        }
      }
    }
  }
  return relationships;
}
