import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createFilesCataloger } from '../../src/cataloger/files/index.js';
import { createPasswdCataloger } from '../../src/cataloger/passwd/index.js';
import { createSecretsCataloger } from '../../src/cataloger/secrets/index.js';
import { generateSbom } from '../../src/sbom/generate-sbom.js';
import { getTestImages } from '../images/index.js';

const { bookworm, layered } = getTestImages().images;
const catalogers = () => [createFilesCataloger({}), createPasswdCataloger({}), createSecretsCataloger({})];

/** The real notable files of the root, as find(1) sees them: setuid, setgid, world-writable, no symlinks. */
function findNotable(rootfs: string): string[] {
  const out = execFileSync(
    'find',
    [rootfs, '!', '-type', 'l', '(', '-perm', '-4000', '-o', '-perm', '-2000', '-o', '-perm', '-0002', ')'],
    {
      encoding: 'utf8',
    },
  );
  return out
    .split('\n')
    .filter(Boolean)
    .map((p) => '/' + path.relative(rootfs, p))
    .sort();
}

describe('files, users and secrets on the real bookworm image', () => {
  it('notable files equal find -perm over the debootstrapped root, with the right digests', async () => {
    const sbom = await generateSbom(`oci-dir:${bookworm.ociDir}:${bookworm.tag}`, {
      catalogers: catalogers(),
    });
    const expected = findNotable(bookworm.rootfs);
    expect(expected).toContain('/usr/bin/su');
    expect(sbom.files.map((f) => f.path).sort()).toEqual(expected);
    for (const file of sbom.files.filter((f) => f.type === 'file')) {
      const real = createHash('sha256')
        .update(readFileSync(path.join(bookworm.rootfs, file.path)))
        .digest('hex');
      expect(file.sha256, file.path).toBe(real);
    }
    const su = sbom.files.find((f) => f.path === '/usr/bin/su');
    expect(su?.flags).toContain('setuid');
    expect(su?.layer).toBe(bookworm.diffIds[0]);
    const tmp = sbom.files.find((f) => f.path === '/tmp');
    expect(tmp?.flags).toEqual(['world-writable', 'sticky']);
    expect(sbom.retrievedFiles.map((r) => r.path)).toEqual(['/etc/passwd']);
    expect(Buffer.from(sbom.retrievedFiles[0]!.contentBase64, 'base64').toString()).toBe(
      readFileSync(path.join(bookworm.rootfs, 'etc/passwd'), 'utf8'),
    );
  });

  it('users: root, nobody and _apt as Debian makes them; same names and uids as the file', async () => {
    const sbom = await generateSbom(`oci-dir:${bookworm.ociDir}:${bookworm.tag}`, {
      catalogers: catalogers(),
    });
    expect(sbom.unknowns).toEqual([]);
    const user = (name: string) => sbom.users.find((u) => u.name === name);
    expect(user('root')).toMatchObject({
      uid: 0,
      gid: 0,
      shell: '/bin/bash',
      home: '/root',
      loginShell: true,
      groups: ['root'],
    });
    expect(user('nobody')).toMatchObject({ uid: 65534, loginShell: false, groups: ['nogroup'] });
    expect(user('_apt')).toMatchObject({ uid: 42, gid: 65534, loginShell: false });
    const lines = readFileSync(path.join(bookworm.rootfs, 'etc/passwd'), 'utf8').split('\n').filter(Boolean);
    expect(sbom.users.map((u) => `${u.name}:${u.uid}`)).toEqual(
      lines.map((l) =>
        l
          .split(':')
          .slice(0, 3)
          .filter((_, i) => i !== 1)
          .join(':'),
      ),
    );
    expect(sbom.users.filter((u) => u.emptyPassword)).toEqual([]);
    expect(sbom.groups.find((g) => g.name === 'root')?.gid).toBe(0);
  });
});

describe('secrets on the real layered image', () => {
  const secret = layered.fakeSecretLine.split('=')[1]!.trim();
  const ref = `oci-dir:${layered.ociDir}:${layered.tag}`;

  it('a key deleted by a later layer: reported under all-layers with its layer, not under squashed', async () => {
    const squashed = await generateSbom(ref, { catalogers: catalogers() });
    expect(squashed.secrets.filter((s) => s.path === layered.secretPath)).toEqual([]);
    const all = await generateSbom(ref, { catalogers: catalogers(), scope: 'all-layers' });
    const found = all.secrets.filter((s) => s.path === layered.secretPath);
    expect(found.map((s) => s.ruleId)).toContain('aws-secret-access-key');
    expect(new Set(found.map((s) => `${s.layer}@${s.layerIndex}`))).toEqual(
      new Set([`${layered.diffIds[1]}@1`]),
    );
    const key = found.find((s) => s.ruleId === 'aws-secret-access-key');
    expect(key?.match).toBe('aws_secret_access_key = ' + '*'.repeat(secret.length));
    expect(JSON.stringify(all)).not.toContain(secret);
    expect(JSON.stringify(squashed)).not.toContain(secret);
  });
});
