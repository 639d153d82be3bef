import { chmod, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { RegistryError } from '../../src/errors/index.js';
import { openRegistryImage } from '../../src/source/registry/index.js';
import { startRegistry, type RunningRegistry } from './registry-harness.js';
import { caught, sha256OfStream, tarLayers } from './stream-digest.js';
import { buildTestLayouts, layoutManifest, pushImage } from './test-images.js';
import { startProxy, type RunningProxy } from './test-proxy.js';

const USER = 'alice';
const PASSWORD = 'wonderland-secret';

describe('registry authentication', () => {
  let work: string;
  let layout: string;
  let appDigest: string;
  let savedPath: string | undefined;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'customs-auth-test-'));
    ({ layout } = await buildTestLayouts(work));
    appDigest = (await layoutManifest(layout, 'app')).digest;
    savedPath = process.env['PATH'];
  });

  afterAll(async () => {
    process.env['PATH'] = savedPath;
    if (work) await rm(work, { recursive: true, force: true });
  });

  async function writeConfig(name: string, config: unknown): Promise<string> {
    const path = join(work, `${name}.json`);
    await writeFile(path, JSON.stringify(config));
    return path;
  }

  describe('basic auth (htpasswd registry)', () => {
    let registry: RunningRegistry;
    let ref: string;
    let insecure: string[];

    beforeAll(async () => {
      registry = await startRegistry({ htpasswd: { user: USER, password: PASSWORD } });
      await pushImage(layout, 'app', `${registry.host}/test/app:v1`, { creds: `${USER}:${PASSWORD}` });
      ref = `${registry.host}/test/app:v1`;
      insecure = [registry.host];
      const bin = join(work, 'bin');
      await rm(bin, { recursive: true, force: true });
      await mkdir(bin, { recursive: true });
      const script = [
        '#!/bin/sh',
        'read -r server',
        'echo "$1 $server" >> "$(dirname "$0")/calls.log"',
        `if [ "$server" = "${registry.host}" ]; then`,
        `  printf '{"ServerURL":"%s","Username":"${USER}","Secret":"${PASSWORD}"}\\n' "$server"`,
        'else',
        '  echo "credentials not found in native keychain"',
        '  exit 1',
        'fi',
      ].join('\n');
      await writeFile(join(bin, 'docker-credential-customstest'), script + '\n');
      await chmod(join(bin, 'docker-credential-customstest'), 0o755);
      await writeFile(join(bin, 'docker-credential-customsbroken'), '#!/bin/sh\necho not json at all\n');
      await chmod(join(bin, 'docker-credential-customsbroken'), 0o755);
      process.env['PATH'] = `${bin}${delimiter}${savedPath ?? ''}`;
    });

    afterAll(async () => {
      await registry?.stop();
    });

    it('uses explicit credentials', async () => {
      const image = await openRegistryImage(ref, {
        insecureRegistries: insecure,
        credentials: { username: USER, password: PASSWORD },
      });
      try {
        expect(image.source.manifestDigest).toBe(appDigest);
        for (const layer of tarLayers(image)) {
          expect(await sha256OfStream(await layer.openBlob())).toBe(layer.descriptor.digest);
        }
      } finally {
        await image.close();
      }
    });

    it('reads the base64 `auth` field of a docker config.json', async () => {
      const dockerConfigPath = await writeConfig('auths-auth', {
        auths: { [registry.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
      });
      const image = await openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath });
      await image.close();
      expect(image.source.manifestDigest).toBe(appDigest);
    });

    it('reads username/password under an https:// key', async () => {
      const dockerConfigPath = await writeConfig('auths-userpass', {
        auths: { [`https://${registry.host}`]: { username: USER, password: PASSWORD } },
      });
      const image = await openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath });
      await image.close();
      expect(image.source.manifestDigest).toBe(appDigest);
    });

    it('finds the config through $DOCKER_CONFIG', async () => {
      const dir = join(work, 'docker-config-dir');
      await mkdir(dir, { recursive: true });
      await writeFile(
        join(dir, 'config.json'),
        JSON.stringify({
          auths: { [registry.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
        }),
      );
      const saved = process.env['DOCKER_CONFIG'];
      process.env['DOCKER_CONFIG'] = dir;
      try {
        const image = await openRegistryImage(ref, { insecureRegistries: insecure });
        await image.close();
        expect(image.source.manifestDigest).toBe(appDigest);
      } finally {
        if (saved === undefined) delete process.env['DOCKER_CONFIG'];
        else process.env['DOCKER_CONFIG'] = saved;
      }
    });

    it('runs the credential helper named in credHelpers', async () => {
      const dockerConfigPath = await writeConfig('cred-helpers', {
        credHelpers: { [registry.host]: 'customstest' },
      });
      const image = await openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath });
      await image.close();
      expect(image.source.manifestDigest).toBe(appDigest);
      const calls = await readFile(join(work, 'bin', 'calls.log'), 'utf8');
      expect(calls).toContain(`get ${registry.host}`);
    });

    it('runs the credsStore helper', async () => {
      const dockerConfigPath = await writeConfig('creds-store', { credsStore: 'customstest' });
      const image = await openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath });
      await image.close();
      expect(image.source.manifestDigest).toBe(appDigest);
    });

    it('names a missing credential helper', async () => {
      const dockerConfigPath = await writeConfig('missing-helper', { credsStore: 'customsnosuchhelper' });
      const err = await caught(() =>
        openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath }),
      );
      expect(err).toBeInstanceOf(RegistryError);
      expect(err.code).toBe('credentials');
      expect(err.message).toMatch(/docker-credential-customsnosuchhelper is not installed or not on PATH/);
    });

    it('names a credential helper that prints garbage', async () => {
      const dockerConfigPath = await writeConfig('broken-helper', { credsStore: 'customsbroken' });
      const err = await caught(() =>
        openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath }),
      );
      expect(err.code).toBe('credentials');
      expect(err.message).toMatch(/docker-credential-customsbroken printed something that is not JSON/);
    });

    it('fails with registry-auth without credentials', async () => {
      const dockerConfigPath = join(work, 'does-not-exist.json');
      const err = await caught(() =>
        openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath }),
      );
      expect(err).toBeInstanceOf(RegistryError);
      expect(err.code).toBe('registry-auth');
      expect(err.message).toBe(
        `registry ${registry.host} denied access to test/app (401): log in with docker login or pass credentials`,
      );
    });

    it('fails with registry-auth on a wrong password, without echoing it', async () => {
      const err = await caught(() =>
        openRegistryImage(ref, {
          insecureRegistries: insecure,
          credentials: { username: USER, password: 'not-the-password' },
        }),
      );
      expect(err.code).toBe('registry-auth');
      expect(err.message).toMatch(/denied access to test\/app \(401\): check the user name and password/);
      expect(err.message).not.toContain('not-the-password');
      expect(err.message).not.toMatch(/Basic|Authorization/i);
    });
  });

  describe('bearer token auth (proxy in front of a registry)', () => {
    let registry: RunningRegistry;
    let proxy: RunningProxy;
    let ref: string;
    let insecure: string[];

    beforeAll(async () => {
      registry = await startRegistry();
      await pushImage(layout, 'app', `${registry.host}/test/app:v1`);
      proxy = await startProxy({
        upstream: registry.host,
        bearer: { user: USER, password: PASSWORD },
        redirectBlobs: true,
      });
      ref = `${proxy.host}/test/app:v1`;
      insecure = [proxy.host];
    });

    afterAll(async () => {
      await proxy?.stop();
      await registry?.stop();
    });

    it('gets a token once per scope and follows blob redirects without leaking Authorization', async () => {
      const before = proxy.tokensIssued;
      const image = await openRegistryImage(ref, {
        insecureRegistries: insecure,
        credentials: { username: USER, password: PASSWORD },
      });
      try {
        expect(image.source.manifestDigest).toBe(appDigest);
        for (const layer of tarLayers(image)) {
          expect(await sha256OfStream(await layer.openBlob())).toBe(layer.descriptor.digest);
        }
      } finally {
        await image.close();
      }
      expect(proxy.tokensIssued - before).toBe(1);
      expect(proxy.scopes.at(-1)).toBe('repository:test/app:pull');
      expect(proxy.leakedAuthorization).toBe(0);
    });

    it('uses credentials from a docker config for the token request', async () => {
      const dockerConfigPath = await writeConfig('bearer-auths', {
        auths: { [proxy.host]: { auth: Buffer.from(`${USER}:${PASSWORD}`).toString('base64') } },
      });
      const image = await openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath });
      await image.close();
      expect(image.source.manifestDigest).toBe(appDigest);
    });

    it('fails with registry-auth when the token service refuses', async () => {
      const dockerConfigPath = join(work, 'does-not-exist.json');
      const anonymous = await caught(() =>
        openRegistryImage(ref, { insecureRegistries: insecure, dockerConfigPath }),
      );
      expect(anonymous.code).toBe('registry-auth');
      expect(anonymous.message).toBe(
        `registry ${proxy.host} denied access to test/app (401): log in with docker login or pass credentials`,
      );
      const wrong = await caught(() =>
        openRegistryImage(ref, {
          insecureRegistries: insecure,
          credentials: { username: USER, password: 'nope' },
        }),
      );
      expect(wrong.code).toBe('registry-auth');
      expect(wrong.message).not.toContain('nope');
    });
  });
});
