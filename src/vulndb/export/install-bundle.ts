import { createHash, createPublicKey, verify } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, readFile, rename, rm } from 'node:fs/promises';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import tar from 'tar-stream';
import { DatabaseError, DigestMismatchError, FeedFormatError, UsageError } from '../../errors/index.js';
import { openSqliteStore } from '../store/sqlite/index.js';
import { fileDigest } from './export-bundle.js';
import {
  BUNDLE_FORMAT,
  DATABASE_NAME,
  DIGESTS_NAME,
  MANIFEST_NAME,
  SIGNATURE_NAME,
  parseDigests,
  type BundleManifest,
} from './bundle-manifest.js';

/** True when the file is a bundle `db export` wrote (a tar whose first entry is the manifest). */
export async function isBundle(file: string): Promise<boolean> {
  let handle;
  try {
    handle = await open(file, 'r');
    const head = Buffer.alloc(512);
    const { bytesRead } = await handle.read(head, 0, 512, 0);
    if (bytesRead < 512) return false;
    const name = head.subarray(0, 100).toString('utf8').replace(/\0.*$/s, '');
    return name === MANIFEST_NAME && head.subarray(257, 262).toString('latin1') === 'ustar';
  } catch {
    return false;
  } finally {
    await handle?.close();
  }
}

export interface InstallOptions {
  /** PEM file of the Ed25519 public key the manifest must be signed with. */
  verifyKey?: string;
}

/**
 * Installs a bundle as the database file: the data is written beside the target, checked
 * against the manifest and SHA256SUMS (and the signature when a key is given), then renamed over
 * the target. Any mismatch leaves the existing database untouched.
 */
export async function installBundle(
  bundle: string,
  dbFile: string,
  options: InstallOptions = {},
): Promise<BundleManifest> {
  const publicKey = options.verifyKey ? await readVerifyKey(options.verifyKey) : undefined;
  const temp = path.join(
    path.dirname(path.resolve(dbFile)),
    `.${path.basename(dbFile)}.incoming-${process.pid}`,
  );
  const texts = new Map<string, Buffer>();
  let dataDigest: string | undefined;
  try {
    const extract = tar.extract();
    const done = (async () => {
      for await (const entry of extract) {
        const name = entry.header.name;
        if (name === DATABASE_NAME) {
          const hash = createHash('sha256');
          entry.on('data', (chunk: unknown) => hash.update(chunk as Buffer));
          await pipeline(entry, createWriteStream(temp)).catch((err: NodeJS.ErrnoException) => {
            throw new DatabaseError(`cannot write ${temp}: ${err.code ?? err.message}`);
          });
          dataDigest = hash.digest('hex');
        } else {
          const chunks: Buffer[] = [];
          for await (const chunk of entry) chunks.push(chunk as Buffer);
          texts.set(name, Buffer.concat(chunks));
        }
      }
    })();
    await Promise.all([pipeline(createReadStream(bundle), extract), done]).catch((err: unknown) => {
      if (err instanceof DatabaseError) throw err;
      throw new FeedFormatError(
        `${bundle} is not a readable Customs database bundle: ${(err as Error).message}`,
      );
    });
    const manifestBytes = texts.get(MANIFEST_NAME);
    const digests = parseDigests(texts.get(DIGESTS_NAME)?.toString('utf8') ?? '');
    if (!manifestBytes || !dataDigest)
      throw new FeedFormatError(`${bundle} is not a complete Customs database bundle`);
    let manifest: BundleManifest;
    try {
      manifest = JSON.parse(manifestBytes.toString('utf8')) as BundleManifest;
    } catch {
      throw new FeedFormatError(`${bundle}: the manifest is not JSON`);
    }
    if (manifest.format !== BUNDLE_FORMAT)
      throw new FeedFormatError(`${bundle}: unknown bundle format ${String(manifest.format)}`);
    const manifestDigest = createHash('sha256').update(manifestBytes).digest('hex');
    if (digests.get(MANIFEST_NAME) !== manifestDigest) {
      throw new DigestMismatchError(
        `${bundle}: ${MANIFEST_NAME}`,
        digests.get(MANIFEST_NAME) ?? 'none',
        manifestDigest,
      );
    }
    for (const expected of [manifest.database.sha256, digests.get(DATABASE_NAME)]) {
      if (expected !== dataDigest)
        throw new DigestMismatchError(`${bundle}: ${DATABASE_NAME}`, expected ?? 'none', dataDigest);
    }
    if (publicKey) {
      const signature = texts.get(SIGNATURE_NAME);
      if (!signature) throw new UsageError(`${bundle} is not signed, and --verify-key asks for a signature`);
      if (!verify(null, manifestBytes, publicKey, Buffer.from(signature.toString('utf8'), 'base64'))) {
        throw new UsageError(`${bundle}: the signature does not match ${options.verifyKey}`);
      }
    }
    // The copy must open as a database this customs reads before it replaces anything.
    const check = openSqliteStore(temp, { readonly: true });
    await check.close();
    if ((await fileDigest(temp)) !== dataDigest) throw new DatabaseError(`${temp} changed while installing`);
    await rename(temp, dbFile).catch((err: NodeJS.ErrnoException) => {
      throw new DatabaseError(`cannot install ${dbFile}: ${err.code ?? err.message}`);
    });
    return manifest;
  } finally {
    await rm(temp, { force: true });
  }
}

async function readVerifyKey(file: string): Promise<ReturnType<typeof createPublicKey>> {
  const pem = await readFile(file).catch((err: NodeJS.ErrnoException) => {
    throw new UsageError(`cannot read verification key ${file}: ${err.code ?? err.message}`);
  });
  try {
    const key = createPublicKey(pem);
    if (key.asymmetricKeyType !== 'ed25519') throw new Error(`a ${key.asymmetricKeyType ?? 'secret'} key`);
    return key;
  } catch (err) {
    throw new UsageError(`${file} is not an Ed25519 public key in PEM form (${(err as Error).message})`);
  }
}
