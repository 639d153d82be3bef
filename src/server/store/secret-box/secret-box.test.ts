import { randomBytes } from 'node:crypto';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../../../../test/helpers/temp-dir.js';
import { createSecretBox, isSealed, loadSecretBox, loadSecretKey, SecretBoxError } from './index.js';

const dir = tempDir('customs-secret-box-');
const PASSWORD = 'hunter2 — pässwörd';

function errorOf(fn: () => unknown): Error {
  try {
    fn();
  } catch (err) {
    return err as Error;
  }
  throw new Error('expected a throw');
}

describe('secret box', () => {
  const key = randomBytes(32);
  const box = createSecretBox(key);

  it('seals to a versioned envelope with a fresh nonce, and opens it again', () => {
    const a = box.seal(PASSWORD);
    const b = box.seal(PASSWORD);
    expect(a).toMatch(/^sbx1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('hunter2');
    expect(isSealed(a)).toBe(true);
    expect(isSealed(PASSWORD)).toBe(false);
    expect(box.open(a)).toBe(PASSWORD);
    expect(box.open(b)).toBe(PASSWORD);
    expect(box.open(box.seal(''))).toBe('');
  });

  it('a wrong key is one clear line naming neither the secret nor a key', () => {
    const sealed = box.seal(PASSWORD);
    const otherKey = randomBytes(32);
    const err = errorOf(() => createSecretBox(otherKey).open(sealed));
    expect(err).toBeInstanceOf(SecretBoxError);
    expect(err.message).toMatch(/^cannot open a sealed secret: it was sealed with another key/);
    expect(err.message).not.toContain('\n');
    for (const leak of [PASSWORD, key.toString('base64'), otherKey.toString('base64'), key.toString('hex')]) {
      expect(err.message).not.toContain(leak);
    }
  });

  it('refuses an altered envelope, another context and a string that is not an envelope', () => {
    const sealed = box.seal(PASSWORD, 'registry:a:reg.example');
    const parts = sealed.split('.');
    const flipped = Buffer.from(parts[2]!, 'base64url');
    flipped[0] = flipped[0]! ^ 1;
    parts[2] = flipped.toString('base64url');
    expect(() => box.open(parts.join('.'), 'registry:a:reg.example')).toThrow(SecretBoxError);
    expect(() => box.open(sealed, 'registry:b:reg.example')).toThrow(SecretBoxError);
    expect(box.open(sealed, 'registry:a:reg.example')).toBe(PASSWORD);
    expect(() => box.open('plain-password')).toThrow(/not a sealed secret/);
  });

  it('takes only 32-byte keys', () => {
    expect(() => createSecretBox(randomBytes(16))).toThrow(/must be 32 bytes, not 16/);
  });
});

describe('secret key', () => {
  it('reads CUSTOMS_SECRET_KEY (base64 of 32 bytes) before any key file', () => {
    const key = randomBytes(32);
    const loaded = loadSecretKey({
      env: { CUSTOMS_SECRET_KEY: key.toString('base64') },
      keyFile: join(dir, 'missing.key'),
    });
    expect(loaded.equals(key)).toBe(true);
  });

  it('names a bad CUSTOMS_SECRET_KEY without repeating it', () => {
    const value = randomBytes(20).toString('base64');
    const err = errorOf(() => loadSecretKey({ env: { CUSTOMS_SECRET_KEY: value } }));
    expect(err).toBeInstanceOf(SecretBoxError);
    expect(err.message).toBe(
      'CUSTOMS_SECRET_KEY decodes to 20 bytes, not 32: expected 32 bytes in base64 (openssl rand -base64 32)',
    );
    expect(errorOf(() => loadSecretKey({ env: { CUSTOMS_SECRET_KEY: 'not base64!' } })).message).toMatch(
      /^CUSTOMS_SECRET_KEY is not base64/,
    );
  });

  it('reads a key file (base64 text or 32 raw bytes) and refuses a missing one it was given', () => {
    const key = randomBytes(32);
    const textFile = join(dir, 'text.key');
    writeFileSync(textFile, `${key.toString('base64')}\n`);
    const rawFile = join(dir, 'raw.key');
    writeFileSync(rawFile, key);
    expect(loadSecretKey({ env: {}, keyFile: textFile }).equals(key)).toBe(true);
    expect(loadSecretKey({ env: { CUSTOMS_SECRET_KEY_FILE: rawFile } }).equals(key)).toBe(true);
    const missing = join(dir, 'nope', 'x.key');
    expect(() => loadSecretKey({ env: {}, keyFile: missing, dataDir: dir })).toThrow(
      `the secret key file ${missing} does not exist`,
    );
    expect(() => loadSecretKey({ env: {} })).toThrow(
      /^no secret key for registry passwords: set CUSTOMS_SECRET_KEY/,
    );
  });

  it('generates and keeps a key file in the data directory when nothing else is given', () => {
    const dataDir = join(dir, 'data');
    const box = loadSecretBox({ env: {}, dataDir });
    const file = join(dataDir, 'secret.key');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(Buffer.from(readFileSync(file, 'utf8').trim(), 'base64')).toHaveLength(32);
    const sealed = box.seal(PASSWORD);
    // A restart reads the same key back.
    expect(loadSecretBox({ env: {}, dataDir }).open(sealed)).toBe(PASSWORD);
  });
});
