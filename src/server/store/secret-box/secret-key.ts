import { randomBytes } from 'node:crypto';
import { existsSync, linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { createSecretBox, SecretBoxError, type SecretBox } from './secret-box.js';

/** The key file the embedded service creates in its data directory. */
export const DEFAULT_KEY_FILE_NAME = 'secret.key';

const KEY_BYTES = 32;

export interface SecretKeyOptions {
  /** Where CUSTOMS_SECRET_KEY (base64 of 32 bytes) and CUSTOMS_SECRET_KEY_FILE are read (default process.env). */
  env?: Record<string, string | undefined>;
  /** A key file (base64 of 32 bytes, or the 32 raw bytes); CUSTOMS_SECRET_KEY_FILE names one too. */
  keyFile?: string;
  /** Create the key file (mode 0600, a new random key) when it does not exist. */
  createKeyFile?: boolean;
  /**
   * The embedded service's data directory: with neither a key nor a key file given, the key is
   * DIR/secret.key, generated and saved there on first use.
   */
  dataDir?: string;
}

/** The secret box with the configured key (see loadSecretKey). */
export function loadSecretBox(options: SecretKeyOptions = {}): SecretBox {
  return createSecretBox(loadSecretKey(options));
}

/**
 * The secret box's key: CUSTOMS_SECRET_KEY first, then the key file. Messages name where the
 * key came from and what is wrong with it, never the key itself.
 */
export function loadSecretKey(options: SecretKeyOptions = {}): Buffer {
  const env = options.env ?? process.env;
  const fromEnv = env.CUSTOMS_SECRET_KEY;
  if (fromEnv !== undefined && fromEnv.trim() !== '') return decodeKey(fromEnv, 'CUSTOMS_SECRET_KEY');
  const given = options.keyFile ?? env.CUSTOMS_SECRET_KEY_FILE;
  const file = given ?? (options.dataDir ? path.join(options.dataDir, DEFAULT_KEY_FILE_NAME) : undefined);
  const create = options.createKeyFile ?? (given === undefined && options.dataDir !== undefined);
  if (!file) {
    throw new SecretBoxError(
      'no secret key for registry passwords: set CUSTOMS_SECRET_KEY (openssl rand -base64 32) or give a key file',
    );
  }
  if (!existsSync(file)) {
    if (!create) throw new SecretBoxError(`the secret key file ${file} does not exist`);
    return createKeyFile(file);
  }
  return readKeyFile(file);
}

/**
 * Writes a new random key beside the target and links it into place: the link either creates
 * the whole file or fails because another process got there first (then its key is used), so
 * nobody ever reads a half-written key.
 */
function createKeyFile(file: string): Buffer {
  const key = randomBytes(KEY_BYTES);
  const temp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  try {
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(temp, `${key.toString('base64')}\n`, { mode: 0o600, flag: 'wx' });
    linkSync(temp, file);
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code !== 'EEXIST')
      throw new SecretBoxError(`cannot create the secret key file ${file}: ${code ?? 'error'}`);
    return readKeyFile(file);
  } finally {
    try {
      unlinkSync(temp);
    } catch {
      // never written
    }
  }
  return key;
}

function readKeyFile(file: string): Buffer {
  let bytes: Buffer;
  try {
    bytes = readFileSync(file);
  } catch (err) {
    throw new SecretBoxError(
      `cannot read the secret key file ${file}: ${(err as { code?: string }).code ?? 'error'}`,
    );
  }
  if (bytes.length === KEY_BYTES && !/^[A-Za-z0-9+/=_-]+\s*$/.test(bytes.toString('latin1'))) return bytes;
  return decodeKey(bytes.toString('utf8'), `the secret key file ${file}`);
}

function decodeKey(text: string, where: string): Buffer {
  const trimmed = text.trim();
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(trimmed)) {
    throw new SecretBoxError(`${where} is not base64: expected 32 bytes in base64 (openssl rand -base64 32)`);
  }
  const key = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new SecretBoxError(
      `${where} decodes to ${key.length} bytes, not ${KEY_BYTES}: expected 32 bytes in base64 (openssl rand -base64 32)`,
    );
  }
  return key;
}
