import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, unlink, utimes, writeFile } from 'node:fs/promises';
import { homedir } from 'node:os';
import path from 'node:path';
import type { CacheEntryKind, LayerCache } from './types.js';

/** 2 GiB: a few hundred layers of typical images (what is kept is metadata and small files). */
export const DEFAULT_LAYER_CACHE_BYTES = 2 * 1024 ** 3;
const ENTRY = /^[0-9a-f]{64}\.(layer|image)$/;
const PARTIAL = /^[0-9a-f]{64}\.[0-9a-z.]+\.tmp$/;
/** A partial write older than this was left by a process that died. */
const STALE_PARTIAL_MS = 60 * 60 * 1000;

/** `$CUSTOMS_CACHE_DIR`, else `$XDG_CACHE_HOME/customs/layers`, else `~/.cache/customs/layers`. */
export function defaultLayerCacheDir(env: NodeJS.ProcessEnv = process.env): string {
  if (env.CUSTOMS_CACHE_DIR && path.isAbsolute(env.CUSTOMS_CACHE_DIR)) return env.CUSTOMS_CACHE_DIR;
  const cache =
    env.XDG_CACHE_HOME && path.isAbsolute(env.XDG_CACHE_HOME)
      ? env.XDG_CACHE_HOME
      : path.join(homedir(), '.cache');
  return path.join(cache, 'customs', 'layers');
}

export interface LayerCacheStatus {
  dir: string;
  /** Every entry: layers + images. */
  entries: number;
  /** Layer indexes. */
  layers: number;
  /** Whole-image analyses (one per image and set of options analysed). */
  images: number;
  bytes: number;
  maxBytes: number;
}

interface Entry {
  name: string;
  kind: CacheEntryKind;
  bytes: number;
  used: number;
}

/**
 * Layer indexes (KEY.layer) and image analyses (KEY.image) in one folder, a file per entry. A write goes to a private temporary file that is
 * renamed into place, so readers and concurrent writers (two CI jobs on one runner) only ever see
 * whole entries, and a killed process leaves at most a partial file that the next write removes.
 * Reading an entry marks it used; when the folder grows past `maxBytes` the least recently used
 * entries go until it is under 90% of it.
 */
export class FileLayerCache implements LayerCache {
  readonly dir: string;
  readonly maxBytes: number;

  constructor(dir: string = defaultLayerCacheDir(), options: { maxBytes?: number } = {}) {
    this.dir = dir;
    this.maxBytes = options.maxBytes ?? DEFAULT_LAYER_CACHE_BYTES;
  }

  async get(key: string, kind: CacheEntryKind = 'layer'): Promise<Buffer | undefined> {
    const file = this.file(key, kind);
    let data: Buffer;
    try {
      data = await readFile(file);
    } catch {
      return undefined;
    }
    const now = new Date();
    await utimes(file, now, now).catch(() => undefined);
    return data;
  }

  async put(key: string, data: Buffer, kind: CacheEntryKind = 'layer'): Promise<void> {
    const file = this.file(key, kind);
    const partial = `${file.slice(0, -`.${kind}`.length)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
    try {
      await mkdir(this.dir, { recursive: true, mode: 0o700 });
      await writeFile(partial, data, { mode: 0o600 });
      await rename(partial, file);
    } catch {
      // A full disk or a read-only cache costs the next run a read, never this one its result.
      await unlink(partial).catch(() => undefined);
      return;
    }
    await this.evict().catch(() => undefined);
  }

  async status(): Promise<LayerCacheStatus> {
    const entries = await this.entries();
    return {
      dir: this.dir,
      entries: entries.length,
      layers: entries.filter((e) => e.kind === 'layer').length,
      images: entries.filter((e) => e.kind === 'image').length,
      bytes: entries.reduce((n, e) => n + e.bytes, 0),
      maxBytes: this.maxBytes,
    };
  }

  /** Removes every entry and partial write; returns how many entries (of each kind) and bytes went. */
  async clean(): Promise<{ entries: number; layers: number; images: number; bytes: number }> {
    const entries = await this.entries();
    for (const name of await this.names())
      if (ENTRY.test(name) || PARTIAL.test(name)) await rm(path.join(this.dir, name), { force: true });
    return {
      entries: entries.length,
      layers: entries.filter((e) => e.kind === 'layer').length,
      images: entries.filter((e) => e.kind === 'image').length,
      bytes: entries.reduce((n, e) => n + e.bytes, 0),
    };
  }

  private file(key: string, kind: CacheEntryKind): string {
    if (!/^[0-9a-f]{64}$/.test(key)) throw new RangeError(`layer cache key must be 64 hex digits: ${key}`);
    return path.join(this.dir, `${key}.${kind}`);
  }

  private async names(): Promise<string[]> {
    try {
      return await readdir(this.dir);
    } catch {
      return [];
    }
  }

  private async entries(): Promise<Entry[]> {
    const entries: Entry[] = [];
    for (const name of await this.names()) {
      const kind = ENTRY.exec(name)?.[1] as CacheEntryKind | undefined;
      if (!kind) continue;
      const info = await stat(path.join(this.dir, name)).catch(() => undefined);
      if (info) entries.push({ name, kind, bytes: info.size, used: info.mtimeMs });
    }
    return entries;
  }

  private async evict(): Promise<void> {
    const now = Date.now();
    for (const name of await this.names()) {
      if (!PARTIAL.test(name)) continue;
      const info = await stat(path.join(this.dir, name)).catch(() => undefined);
      if (info && now - info.mtimeMs > STALE_PARTIAL_MS) await rm(path.join(this.dir, name), { force: true });
    }
    const entries = await this.entries();
    let total = entries.reduce((n, e) => n + e.bytes, 0);
    if (total <= this.maxBytes) return;
    entries.sort((a, b) => a.used - b.used);
    for (const entry of entries) {
      if (total <= this.maxBytes * 0.9) break;
      await rm(path.join(this.dir, entry.name), { force: true });
      total -= entry.bytes;
    }
  }
}
