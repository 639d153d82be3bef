import type { JarManifest } from './manifest.js';

/** What a manifest says about the archive's own identity; each field may be missing. */
export interface ManifestIdentity {
  name?: string;
  version?: string;
  groupId?: string;
}

const IDENTIFIER = /^[A-Za-z0-9][\w.+-]*$/;

function clean(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}

/** `org.foo.bar;singleton:=true` → `org.foo.bar`. */
function symbolicName(main: Record<string, string>): string | undefined {
  return clean(main['Bundle-SymbolicName']?.split(';')[0]);
}

/** `com.fasterxml.jackson.core.jackson-core` with vendor `com.fasterxml.jackson.core` → `jackson-core`. */
function afterPrefix(full: string | undefined, prefix: string | undefined): string | undefined {
  if (!full || !prefix || !full.startsWith(`${prefix}.`)) return undefined;
  return full.slice(prefix.length + 1) || undefined;
}

/**
 * The name, version and group a manifest states. Name: a Jenkins plugin's Short-Name /
 * Extension-Name, else an Implementation-Title or Specification-Title that is a plain identifier
 * (no spaces: "Apache Commons Lang" names no artifact), else the Bundle-SymbolicName past the
 * vendor id. Version: Implementation-Version, Bundle-Version, Plugin-Version,
 * Specification-Version. Group: Implementation-Vendor-Id, Jenkins Group-Id, else the dotted
 * prefix of the Bundle-SymbolicName / Automatic-Module-Name before the name (the whole of it
 * when that prefix is a single word: `org.hamcrest` with name `hamcrest` is group org.hamcrest).
 */
export function manifestIdentity(manifest: JarManifest | undefined): ManifestIdentity {
  if (!manifest) return {};
  const main = manifest.main;
  const vendorId = clean(main['Implementation-Vendor-Id']) ?? clean(main['Group-Id']);
  const titles = [
    main['Short-Name'],
    main['Extension-Name'],
    main['Implementation-Title'],
    main['Specification-Title'],
  ];
  const name =
    titles.map(clean).find((t) => t !== undefined && IDENTIFIER.test(t)) ??
    afterPrefix(symbolicName(main), vendorId);
  const identity: ManifestIdentity = {};
  if (name) identity.name = name;
  const version = [
    main['Implementation-Version'],
    main['Bundle-Version'],
    main['Plugin-Version'],
    main['Specification-Version'],
  ]
    .map(clean)
    .find((v) => v !== undefined);
  if (version) identity.version = version;
  let groupId = vendorId && IDENTIFIER.test(vendorId) ? vendorId : undefined;
  for (const dotted of [symbolicName(main), clean(main['Automatic-Module-Name'])]) {
    if (groupId || !dotted || !name) continue;
    const suffix = `.${name}`;
    if (!dotted.endsWith(suffix) || dotted.length <= suffix.length) continue;
    const prefix = dotted.slice(0, -suffix.length);
    // `org.hamcrest` names the group itself: a group is a reversed domain, never a bare `org`.
    groupId = prefix.includes('.') ? prefix : dotted;
  }
  if (groupId) identity.groupId = groupId;
  return identity;
}
