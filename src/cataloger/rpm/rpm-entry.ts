import { parseHeaderBlob, type RpmHeader, type TagValue } from './header-blob.js';
import { TAG, WANTED_TAGS } from './rpm-tags.js';

export interface RpmFile {
  path: string;
  mode?: number;
  size?: number;
  digest?: string;
  user?: string;
  group?: string;
}

/** What the cataloger keeps of one installed rpm (also its metadata in the SBOM). */
export interface RpmEntry {
  name: string;
  epoch?: number;
  version: string;
  release: string;
  arch?: string;
  sourceRpm?: string;
  license?: string;
  vendor?: string;
  size?: number;
  modularityLabel?: string;
  requires: string[];
  provides: string[];
  files: RpmFile[];
}

function text(value: TagValue | undefined): string | undefined {
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && typeof value[0] === 'string') return value[0];
  return undefined;
}

function strings(value: TagValue | undefined): string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.map(String);
  return [];
}

function numbers(value: TagValue | undefined): number[] {
  return Array.isArray(value) && typeof value[0] === 'number' ? (value as number[]) : [];
}

function filesOf(header: RpmHeader): RpmFile[] {
  const basenames = strings(header.get(TAG.BASENAMES));
  const dirnames = strings(header.get(TAG.DIRNAMES));
  const dirindexes = numbers(header.get(TAG.DIRINDEXES));
  const modes = numbers(header.get(TAG.FILEMODES));
  const sizes = numbers(header.get(TAG.FILESIZES));
  const digests = strings(header.get(TAG.FILEDIGESTS));
  const users = strings(header.get(TAG.FILEUSERNAME));
  const groups = strings(header.get(TAG.FILEGROUPNAME));
  const files: RpmFile[] = [];
  basenames.forEach((base, i) => {
    const dir = dirnames[dirindexes[i] ?? -1];
    if (dir === undefined) return;
    const file: RpmFile = { path: dir + base };
    if (modes[i] !== undefined) file.mode = modes[i];
    if (sizes[i] !== undefined) file.size = sizes[i];
    if (digests[i]) file.digest = digests[i];
    if (users[i]) file.user = users[i];
    if (groups[i]) file.group = groups[i];
    files.push(file);
  });
  return files;
}

/** The entry a header describes; throws HeaderBlobError on a broken blob or one without a name. */
export function rpmEntryOfHeader(header: RpmHeader): RpmEntry {
  const name = text(header.get(TAG.NAME));
  const version = text(header.get(TAG.VERSION));
  if (!name || version === undefined) throw new Error('rpm header has no NAME or VERSION');
  const entry: RpmEntry = {
    name,
    version,
    release: text(header.get(TAG.RELEASE)) ?? '',
    requires: [...new Set(strings(header.get(TAG.REQUIRENAME)))],
    provides: [...new Set(strings(header.get(TAG.PROVIDENAME)))],
    files: filesOf(header),
  };
  const epoch = numbers(header.get(TAG.EPOCH))[0];
  if (epoch !== undefined) entry.epoch = epoch;
  const optional: Array<[keyof RpmEntry, number]> = [
    ['arch', TAG.ARCH],
    ['sourceRpm', TAG.SOURCERPM],
    ['license', TAG.LICENSE],
    ['vendor', TAG.VENDOR],
    ['modularityLabel', TAG.MODULARITYLABEL],
  ];
  for (const [key, tag] of optional) {
    const value = text(header.get(tag));
    if (value) (entry as unknown as Record<string, string>)[key] = value;
  }
  const size = numbers(header.get(TAG.SIZE))[0];
  if (size !== undefined) entry.size = size;
  return entry;
}

export function rpmEntryOfBlob(blob: Buffer): RpmEntry {
  return rpmEntryOfHeader(parseHeaderBlob(blob, WANTED_TAGS));
}

/** `[epoch:]version-release`, as the package version. */
export function rpmVersionString(entry: Pick<RpmEntry, 'epoch' | 'version' | 'release'>): string {
  const vr = entry.release ? `${entry.version}-${entry.release}` : entry.version;
  return entry.epoch !== undefined ? `${entry.epoch}:${vr}` : vr;
}
