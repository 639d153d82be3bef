import type { FileRecord, FileView } from '../../resolver/file-view.js';
import { DPKG_INFO, DPKG_STATUS_D, isOwnedFileList } from './paths.js';

/** `info/<pkg>.list`: one absolute path per line, `/.` for the root. */
export function parseListFile(text: string): string[] {
  const paths: string[] = [];
  for (const raw of text.split('\n')) {
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line === '' || line === '/.' || !line.startsWith('/')) continue;
    paths.push(line);
  }
  return paths;
}

/** `<pkg>.md5sums`: `<32 hex>  <path relative to the root>` per line. */
export function parseMd5sumsFile(text: string): string[] {
  const paths: string[] = [];
  for (const raw of text.split('\n')) {
    const match = /^[0-9a-fA-F]{32}\s+(.+?)\r?$/.exec(raw);
    if (!match) continue;
    const path = match[1] as string;
    paths.push(path.startsWith('/') ? path : '/' + path);
  }
  return paths;
}

/** Where a package was found, to choose the file lists that go with it. */
export interface OwnerQuery {
  name: string;
  architecture?: string;
  /** The layer of the status (or status.d) file the package came from. */
  layerIndex: number;
  /** For status.d packages: the status.d file name (distroless pairs `x` with `x.md5sums`). */
  statusDName?: string;
}

/**
 * Answers "which files does this package own" from dpkg's per-package lists, read once from the
 * view. In the all-layers view a path may exist in several layers; the version from the package's
 * own layer (or the nearest one below it) is used.
 */
export class OwnedFilesIndex {
  private readonly records = new Map<string, FileRecord[]>();
  private readonly parsed = new Map<FileRecord, string[]>();

  constructor(private readonly view: FileView) {
    for (const record of view.find(isOwnedFileList)) {
      if (record.type !== 'file') continue;
      const list = this.records.get(record.path) ?? [];
      list.push(record);
      this.records.set(record.path, list);
    }
    for (const list of this.records.values()) list.sort((a, b) => a.layerIndex - b.layerIndex);
  }

  /** The owned files, `undefined` when no list was found. Prefers `.list`, then `.md5sums`. */
  filesOf(query: OwnerQuery): string[] | undefined {
    const arch = query.architecture;
    const candidates: string[] = [];
    if (query.statusDName !== undefined) {
      candidates.push(
        `${DPKG_STATUS_D}${query.name}.md5sums`,
        `${DPKG_STATUS_D}${query.statusDName}.md5sums`,
      );
    }
    if (arch) candidates.push(`${DPKG_INFO}${query.name}:${arch}.list`);
    candidates.push(`${DPKG_INFO}${query.name}.list`);
    if (arch) candidates.push(`${DPKG_INFO}${query.name}:${arch}.md5sums`);
    candidates.push(`${DPKG_INFO}${query.name}.md5sums`);
    for (const path of candidates) {
      const record = this.pick(path, query.layerIndex);
      if (!record) continue;
      const files = this.read(record);
      if (files) return files;
    }
    return undefined;
  }

  private pick(path: string, layerIndex: number): FileRecord | undefined {
    const list = this.records.get(path);
    if (!list || list.length === 0) return undefined;
    let best: FileRecord | undefined;
    for (const record of list) if (record.layerIndex <= layerIndex) best = record;
    return best ?? list[0];
  }

  private read(record: FileRecord): string[] | undefined {
    const cached = this.parsed.get(record);
    if (cached) return cached;
    const content = this.view.content(record);
    if (!content) return undefined;
    const text = content.toString('utf8');
    const files = record.path.endsWith('.list') ? parseListFile(text) : parseMd5sumsFile(text);
    this.parsed.set(record, files);
    return files;
  }
}
