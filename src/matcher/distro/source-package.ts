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
 * package's own name and version. An SBOM read from CycloneDX or SPDX (ours, syft's, trivy's)
 * carries no metadata: the purl's `upstream` qualifier says the same thing there.
 */
export function sourcePackage(pkg: Package): SourcePackage {
  const metadata = (pkg.metadata ?? {}) as Metadata;
  if (!hasSourceFacts(pkg, metadata)) {
    const fromPurl = upstreamOfPurl(pkg);
    if (fromPurl) return fromPurl;
  }
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

function hasSourceFacts(pkg: Package, metadata: Metadata): boolean {
  if (pkg.type === 'deb') return typeof metadata['source'] === 'string';
  if (pkg.type === 'rpm') return typeof metadata['sourceRpm'] === 'string';
  if (pkg.type === 'apk') return typeof metadata['originPackage'] === 'string';
  return true;
}

function qualifier(purl: string, key: string): string | undefined {
  const query = purl.split('#')[0]!.split('?')[1];
  if (!query) return undefined;
  for (const pair of query.split('&')) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at) === key) {
      try {
        return decodeURIComponent(pair.slice(at + 1));
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * The source package a purl's `upstream` qualifier names: deb `glibc` or `glibc@2.36-9`, rpm
 * `glibc-2.34-100.el9.src.rpm` (with the purl's `epoch`), apk `openssl` (the origin).
 */
export function upstreamOfPurl(pkg: Package): SourcePackage | undefined {
  const upstream = pkg.purl ? qualifier(pkg.purl, 'upstream')?.trim() : undefined;
  if (!upstream || !pkg.purl) return undefined;
  if (pkg.type === 'rpm') {
    const parsed = parseSourceRpm(upstream);
    if (!parsed) return { name: upstream, version: pkg.version };
    const epoch = qualifier(pkg.purl, 'epoch');
    const prefix = epoch && /^[1-9]\d*$/.test(epoch) ? `${epoch}:` : '';
    return { name: parsed.name, version: prefix + parsed.version };
  }
  if (pkg.type === 'deb') {
    const at = upstream.indexOf('@');
    return at > 0
      ? { name: upstream.slice(0, at), version: upstream.slice(at + 1) }
      : { name: upstream, version: pkg.version };
  }
  return { name: upstream, version: pkg.version };
}
