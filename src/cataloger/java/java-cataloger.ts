import { packageUrl } from '../package-url.js';
import type { Location } from '../../model/location.js';
import type { Package } from '../../model/package.js';
import { packageId } from '../../model/package-id.js';
import type { Relationship } from '../../model/sbom.js';
import type { Unknown } from '../../model/unknown.js';
import type { FileRecord } from '../../resolver/file-view.js';
import { SkippedInspection } from '../../resolver/inspection.js';
import { unknownAt } from '../read-content.js';
import type { CatalogContext, CatalogResult, Cataloger, FileHeader } from '../types.js';
import { type ArchiveFinding, inspectJavaArchive, problemsOf } from './archive-inspection.js';
import { type JavaDraft, archivePackages } from './archive-packages.js';
import { MAX_JAVA_ARCHIVE_BYTES, isJavaArchivePath, wantsJavaArchive } from './paths.js';
import { DEFAULT_ZIP_LIMITS, type ZipLimits } from './zip-limits.js';

const NAME = 'java';

/**
 * `pkg:maven/<group>/<artifact>@<version>`. Maven purls need a namespace: without a known group
 * the artifactId stands in (`pkg:maven/app/app@1.0`, as syft writes it). Undefined when the
 * parts make no valid purl.
 */
export function mavenPurl(groupId: string, artifactId: string, version: string): string | undefined {
  return packageUrl('maven', groupId || artifactId, artifactId, version || undefined);
}

function isFinding(value: unknown): value is ArchiveFinding {
  return typeof value === 'object' && value !== null && 'virtualPath' in value && 'nested' in value;
}

interface Collected {
  draft: JavaDraft;
  locations: Location[];
}

function locationOf(record: FileRecord, virtualPath: string): Location {
  return { path: virtualPath, layer: record.layerDigest, layerIndex: record.layerIndex };
}

function toPackage(entry: Collected): Package {
  const { draft } = entry;
  const pkg: Package = {
    id: packageId(
      'java',
      draft.name,
      draft.version,
      `${draft.metadata.virtualPath}\u0000${draft.metadata.groupId}`,
    ),
    name: draft.name,
    version: draft.version,
    type: 'java',
    locations: entry.locations.sort((a, b) => (a.layerIndex ?? 0) - (b.layerIndex ?? 0)),
    foundBy: NAME,
    metadata: { ...draft.metadata },
  };
  if (draft.licenses.length > 0) pkg.licenses = draft.licenses;
  const purl = mavenPurl(draft.metadata.groupId, draft.metadata.artifactId, draft.version);
  if (purl) pkg.purl = purl;
  return pkg;
}

function catalogJava(context: CatalogContext): CatalogResult {
  const unknowns: Unknown[] = [];
  const collected = new Map<string, Collected>();
  const records = context.files
    .find(isJavaArchivePath)
    .filter((record) => record.type === 'file')
    .sort((a, b) => a.layerIndex - b.layerIndex);
  for (const record of records) {
    const inspected = context.inspections.get(record);
    if (inspected instanceof SkippedInspection) {
      unknowns.push(unknownAt(record, NAME, `cannot read the Java archive: ${inspected.reason}`));
      continue;
    }
    if (!isFinding(inspected)) {
      const why =
        record.size > MAX_JAVA_ARCHIVE_BYTES
          ? `larger (${record.size} bytes) than the ${MAX_JAVA_ARCHIVE_BYTES}-byte archive limit`
          : 'its content was not handed over';
      unknowns.push(unknownAt(record, NAME, `the Java archive was not inspected: ${why}`));
      continue;
    }
    for (const problem of problemsOf(inspected)) {
      unknowns.push({ ...unknownAt(record, NAME, problem.message), path: problem.virtualPath });
    }
    for (const draft of archivePackages(inspected)) {
      let entry = collected.get(draft.key);
      if (!entry) {
        entry = { draft, locations: [] };
        collected.set(draft.key, entry);
      }
      if (!entry.locations.some((l) => l.layerIndex === record.layerIndex)) {
        entry.locations.push(locationOf(record, draft.metadata.virtualPath));
      }
    }
  }
  const byKey = new Map<string, Package>();
  for (const [key, entry] of collected) byKey.set(key, toPackage(entry));
  const relationships: Relationship[] = [];
  for (const [key, entry] of collected) {
    const parent = entry.draft.parentKey ? byKey.get(entry.draft.parentKey) : undefined;
    const child = byKey.get(key);
    if (parent && child) relationships.push({ from: parent.id, to: child.id, type: 'contains' });
  }
  return { packages: [...byKey.values()], unknowns, relationships };
}

/**
 * Java archives (.jar .war .ear .par .sar .nar .jpi .hpi .kar .lpkg) anywhere in the image, and
 * the archives nested in them: inspected while the layers stream (never written to disk), with
 * `limits` against zip bombs.
 */
export function createJavaCataloger(limits: ZipLimits = DEFAULT_ZIP_LIMITS): Cataloger {
  return {
    name: NAME,
    version: 1,
    wants: () => false,
    wantsInspect: (header: FileHeader) => wantsJavaArchive(header),
    inspect: (record: FileRecord, content: Buffer) => inspectJavaArchive(content, record.path, limits),
    catalog: catalogJava,
  };
}

export const javaCataloger: Cataloger = createJavaCataloger();
