import { createHash, createPrivateKey, sign } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import Database from 'better-sqlite3';
import tar from 'tar-stream';
import { DatabaseError, UsageError } from '../../errors/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import {
  BUNDLE_FORMAT,
  DATABASE_NAME,
  DIGESTS_NAME,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  digestsFile,
  type BundleManifest,
} from './bundle-manifest.js';

export interface ExportOptions {
  /** PEM file of an Ed25519 private key: the manifest is signed with it. */
  signKey?: string;
  now?: Date;
}

/**
 * Writes an air-gap bundle: a tar holding the manifest (schema, providers, counts, the database
 * digest), SHA256SUMS, an optional Ed25519 signature of the manifest, and a compacted copy of
 * the database (VACUUM INTO). The bundle file appears only when complete.
 */
export async function exportBundle(
  dbFile: string,
  out: string,
  options: ExportOptions = {},
): Promise<BundleManifest> {
  const key = options.signKey ? await readSignKey(options.signKey) : undefined;
  const work = await mkdtemp(path.join(tmpdir(), 'customs-export-'));
  try {
    const copy = path.join(work, DATABASE_NAME);
    const source = openSqliteStore(dbFile, { readonly: true });
    const status = await source.status();
    await source.close();
    const db = new Database(dbFile, { readonly: true, fileMustExist: true });
    try {
      db.prepare('VACUUM INTO ?').run(copy);
    } catch (err) {
      throw new DatabaseError(`cannot copy ${dbFile}: ${(err as Error).message}`, { cause: err });
    } finally {
      db.close();
    }
    const sha256 = await fileDigest(copy);
    const manifest: BundleManifest = {
      format: BUNDLE_FORMAT,
      created: (options.now ?? new Date()).toISOString(),
      schemaVersion: status.schemaVersion,
      database: { name: DATABASE_NAME, size: (await stat(copy)).size, sha256 },
      providers: status.providers,
      epss: status.epss,
      kev: status.kev,
    };
    const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
    const digests = digestsFile({
      [MANIFEST_NAME]: createHash('sha256').update(manifestBytes).digest('hex'),
      [DATABASE_NAME]: sha256,
    });
    const pack = tar.pack();
    const partial = `${out}.partial-${process.pid}`;
    const written = pipeline(pack, createWriteStream(partial));
    pack.entry({ name: MANIFEST_NAME, mode: 0o644 }, manifestBytes);
    pack.entry({ name: DIGESTS_NAME, mode: 0o644 }, digests);
    if (key)
      pack.entry({ name: SIGNATURE_NAME, mode: 0o644 }, sign(null, manifestBytes, key).toString('base64'));
    const entry = pack.entry({ name: DATABASE_NAME, size: manifest.database.size, mode: 0o644 });
    await pipeline(createReadStream(copy), entry);
    pack.finalize();
    try {
      await written;
      await rename(partial, out);
    } catch (err) {
      await rm(partial, { force: true });
      throw new UsageError(
        `cannot write ${out}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`,
      );
    }
    return manifest;
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

export async function fileDigest(file: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(file), hash);
  return hash.digest('hex');
}

async function readSignKey(file: string): Promise<ReturnType<typeof createPrivateKey>> {
  const pem = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read signing key ${file}: ${err.code ?? err.message}`);
  });
  try {
    const key = createPrivateKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'secret'} key`);
    return key;
  } catch (err) {
    throw new UsageError(`${file} is not an Ed25519 private key in PEM form (${(err as Error).message})`);
  }
}
