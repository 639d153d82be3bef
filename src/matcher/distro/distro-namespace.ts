import type { Distro } from '../../model/distro.js';

/** The SBOM's distro as the matcher uses it: which namespace holds its data, if any. */
export interface DistroTarget {
  /** How users read it in warnings: `debian 12`, `rocky 9.3`. */
  label: string;
  /** The namespace to look OS packages up in; null when the database has none for this distro. */
  namespace: string | null;
  /** The namespaces tried, best first. */
  candidates: string[];
  /** Set when the namespace is a fallback (Rocky → Red Hat data). */
  note?: string;
}

/** Rebuilds of RHEL: their own data first, Red Hat's otherwise (same sources, same versions). */
const RHEL_REBUILDS = new Set(['centos', 'rocky', 'almalinux', 'ol']);

/** The namespaces that may hold this distro's data, best first (see AffectedPackage). */
export function distroNamespaces(distro: Distro): string[] {
  const id = distro.id.toLowerCase();
  const version = distro.versionId.trim();
  const major = version.split('.')[0] ?? '';
  const majorMinor = version.split('.').slice(0, 2).join('.');
  switch (id) {
    case 'debian':
      return [version ? `debian:${major}` : 'debian:unstable'];
    case 'ubuntu':
      return [`ubuntu:${majorMinor}`];
    case 'alpine':
      return [version ? `alpine:${majorMinor}` : 'alpine:edge'];
    case 'wolfi':
    case 'chainguard':
      return [`${id}:rolling`];
    case 'rhel':
      return [`rhel:${major}`];
    case 'amzn':
      return [`amzn:${major}`];
    case 'sles':
    case 'sle-micro':
      return [`sles:${majorMinor}`];
    default:
      if (RHEL_REBUILDS.has(id)) return [`${id}:${major}`, `rhel:${major}`];
      if (id.startsWith('opensuse')) return [`${id}:${majorMinor}`, `sles:${majorMinor}`];
      return [version ? `${id}:${version}` : `${id}:rolling`];
  }
}

/** Picks the first candidate namespace the database has data for. */
export function resolveDistro(distro: Distro, available: ReadonlySet<string>): DistroTarget {
  const candidates = distroNamespaces(distro);
  const label = `${distro.id}${distro.versionId ? ` ${distro.versionId}` : ''}`;
  const found = candidates.find((ns) => available.has(ns)) ?? null;
  const target: DistroTarget = { label, namespace: found, candidates };
  if (found && found !== candidates[0]) {
    target.note = `no ${candidates[0]} data in the database: matched with ${found} data`;
  }
  return target;
}
