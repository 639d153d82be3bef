// Sealed secrets are bound to where they were stored: a registry password copied into another
// account's row, or a Harbor request's credentials copied to another image, do not open there.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RegistryService } from '../../../src/server/services/registry-service.js';
import { sealContext } from '../../../src/server/services/seal-contexts.js';
import { createSecretBox, openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { imageSource } from '../../../src/server/worker/image-source.js';
import { tempDir } from '../../helpers/temp-dir.js';

const dir = tempDir('customs-sealed-');
const box = createSecretBox(randomBytes(32));
const now = (): Date => new Date();
const DIGEST = `sha256:${'a'.repeat(64)}`;
let store: ServiceStore;
let alice: string;
let mallory: string;

beforeAll(async () => {
  store = await openServiceStore({ sqlitePath: join(dir, 'customs.db') });
  alice = (await store.accounts.create({ name: 'alice', role: 'user' })).id;
  mallory = (await store.accounts.create({ name: 'mallory', role: 'user' })).id;
});
afterAll(() => store?.close());

describe('sealed secrets', () => {
  it('opens a registry password only for the account and registry it was stored for', async () => {
    const registries = new RegistryService(store, box, now);
    await registries.put(alice, {
      registry: 'registry.example',
      registry_user: 'ci',
      registry_pass: 's3cret-pw',
    });
    expect((await registries.credentialFor(alice, 'registry.example')).credentials).toEqual({
      username: 'ci',
      password: 's3cret-pw',
    });
    const stored = (await store.registries.get(alice, 'registry.example'))!;
    expect(stored.sealedPassword).not.toContain('s3cret-pw');
    // The same sealed value in another account's row, and under another host of the same account.
    for (const [accountId, registry] of [
      [mallory, 'registry.example'],
      [alice, 'other.example'],
    ] as const) {
      await store.registries.put({ ...stored, accountId, registry, at: now().toISOString() });
      await expect(registries.credentialFor(accountId, registry)).rejects.toThrow(
        /cannot open a sealed secret/,
      );
    }
  });

  it('opens a scan request’s credentials only for the image and account it came with', async () => {
    const sealed = box.seal(
      JSON.stringify({ username: 'robot$harbor', password: 'robot-pw' }),
      sealContext.scanRequest(alice, DIGEST),
    );
    const origin = {
      kind: 'registry' as const,
      reference: `harbor.example/p/app@${DIGEST}`,
      sealedCredentials: sealed,
    };
    const deps = { store, secretBox: box, dataDir: dir, vulnData: join(dir, 'none.db') };
    const found = await imageSource(deps, alice, DIGEST, origin);
    expect(found?.options.credentials).toEqual({ username: 'robot$harbor', password: 'robot-pw' });
    await expect(imageSource(deps, mallory, DIGEST, origin)).rejects.toThrow(/cannot open a sealed secret/);
    await expect(imageSource(deps, alice, `sha256:${'b'.repeat(64)}`, origin)).rejects.toThrow(
      /cannot open a sealed secret/,
    );
  });
});
