import type { DpkgMetadata, Package } from '../../model/package.js';

/** The source package an OS package was built from: the name and version distro data uses. */
export interface SourcePackage {
  name: string;
  version: string;
}

type Metadata = Record<string, unknown>;

function text(metadata: Metadata, key: string): string | undefined {
  const value = metadata[key];
  return typeof value === 'string' && value.trim() ? value.trim() : undefined;
}

/**
 * deb: `Source:` (with its own version when it differs from the binary's); rpm: the name and
 * version-release of the source rpm, with the binary's epoch; apk: the origin. Falls back to the
 * package's own name and version.
 */
export function sourcePackage(pkg: Package): SourcePackage {
  const metadata = (pkg.metadata ?? {}) as Metadata;
  if (pkg.type === 'deb') {
    const dpkg = metadata as Partial<DpkgMetadata>;
    const source = dpkg.source?.trim();
    if (!source) return { name: pkg.name, version: pkg.version };
    // Old status files write `Source: name (version)` in one field.
    const inline = /^(\S+)\s+\(([^)]+)\)$/.exec(source);
    if (inline) return { name: inline[1]!, version: inline[2]! };
    return { name: source, version: dpkg.sourceVersion?.trim() || pkg.version };
  }
  if (pkg.type === 'rpm') {
    const parsed = parseSourceRpm(text(metadata, 'sourceRpm'));
    if (!parsed) return { name: pkg.name, version: pkg.version };
    const epoch = metadata['epoch'];
    const prefix = typeof epoch === 'number' && epoch > 0 ? `${epoch}:` : '';
    return { name: parsed.name, version: prefix + parsed.version };
  }
  if (pkg.type === 'apk') {
    return { name: text(metadata, 'originPackage') ?? pkg.name, version: pkg.version };
  }
  return { name: pkg.name, version: pkg.version };
}

/** `glibc-2.34-100.el9_4.2.src.rpm` → glibc, 2.34-100.el9_4.2. */
export function parseSourceRpm(file: string | undefined): SourcePackage | undefined {
  if (!file) return undefined;
  const base = file.replace(/\.(?:no)?src\.rpm$/, '');
  const release = base.lastIndexOf('-');
  const version = base.lastIndexOf('-', release - 1);
  if (release <= 0 || version <= 0) return undefined;
  return { name: base.slice(0, version), version: base.slice(version + 1) };
}
