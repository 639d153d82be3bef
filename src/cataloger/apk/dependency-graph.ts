import type { Package } from '../../model/package.js';
import type { Relationship } from '../../model/sbom.js';
import type { ApkRecord } from './installed-db.js';

/** The name a `D:` token asks for (`so:libc.musl-x86_64.so.1`, `musl>=1.2`), or undefined for a conflict (`!x`). */
export function dependencyName(token: string): string | undefined {
  if (token.startsWith('!')) return undefined;
  const name = token.split(/[<>=~]/)[0] ?? '';
  return name === '' ? undefined : name;
}

/** The name a `p:` token provides (`cmd:busybox=1.36.1-r15` → `cmd:busybox`). */
export function providedName(token: string): string {
  return token.split('=')[0] ?? token;
}

/**
 * `depends-on` edges from each apk to the installed apks its `D:` names, directly or through a
 * provided name (`so:`, `cmd:`, `pc:` ...). No self edges, no duplicates.
 */
export function apkDependencyRelationships(
  packages: Array<{ pkg: Package; record: ApkRecord }>,
): Relationship[] {
  const providers = new Map<string, Package[]>();
  const add = (name: string, pkg: Package): void => {
    const list = providers.get(name);
    if (!list) providers.set(name, [pkg]);
    else if (!list.includes(pkg)) list.push(pkg);
  };
  for (const { pkg, record } of packages) {
    add(record.package, pkg);
    for (const token of record.provides) add(providedName(token), pkg);
  }
  const relationships: Relationship[] = [];
  const seen = new Set<string>();
  for (const { pkg, record } of packages) {
    for (const token of record.dependencies) {
      const name = dependencyName(token);
      if (!name) continue;
      for (const target of providers.get(name) ?? []) {
        const key = `${pkg.id}>${target.id}`;
        if (target.id === pkg.id || seen.has(key)) continue;
        seen.add(key);
        relationships.push({ from: pkg.id, to: target.id, type: 'depends-on' });
      }
    }
  }
  return relationships;
}
