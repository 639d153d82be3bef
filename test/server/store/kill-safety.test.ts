import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { pathToFileURL, fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { serviceStoreBackends } from '../../helpers/service-store-backends.js';

// The child runs the built store (npm test builds first), like a worker process would.
const DIST_STORE = pathToFileURL(
  fileURLToPath(new URL('../../../dist/server/store/index.js', import.meta.url)),
).href;

const CHILD = `
const { openServiceStore, openDriver } = await import(process.env.STORE_MODULE);
const options = JSON.parse(process.env.STORE_OPTIONS);
const store = await openServiceStore(options);
const account = await store.accounts.create({ name: 'survivor', role: 'user' });
await store.close();
const driver = openDriver(options);
setInterval(() => undefined, 1000);
await driver.transaction(async (tx) => {
  await tx.query("INSERT INTO accounts (id, name, role, created_at) VALUES ('doomed', 'doomed', 'user', 'now')");
  await tx.query('DELETE FROM accounts WHERE id = $1', [account.id]);
  for (let i = 0; i < 500; i++) {
    await tx.query('INSERT INTO layer_blobs (key, data, size, created_at, used_at) VALUES ($1, $2, 1, $3, $3)', ['k' + i, Buffer.from('x'), 'now']);
  }
  process.stdout.write('in-transaction\\n');
  await new Promise(() => undefined);
});
`;

const { sqlite, postgres } = await serviceStoreBackends();

describe.each([sqlite, ...(postgres ? [postgres] : [])])('a killed writer: $name', (backend) => {
  let store: ServiceStore | undefined;
  afterEach(async () => store?.close());

  it('leaves the database as it was before its transaction', async () => {
    const options = await backend.freshOptions();
    const child = spawn(process.execPath, ['--input-type=module', '-e', CHILD], {
      env: { ...process.env, STORE_MODULE: DIST_STORE, STORE_OPTIONS: JSON.stringify(options) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    let stdout = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        if (stdout.includes('in-transaction')) resolve();
      });
      child.on('exit', () => reject(new Error(`child exited early: ${stderr}`)));
    });
    child.kill('SIGKILL');
    await once(child, 'close');
    store = await openServiceStore(options);
    expect((await store.accounts.list()).map((a) => a.name)).toEqual(['survivor']);
    expect(await store.layers.stats()).toEqual({ entries: 0, bytes: 0 });
    // The store takes writes again (no lock left behind).
    await store.accounts.create({ name: 'next', role: 'user' });
    expect(await store.accounts.byName('next')).toBeDefined();
  });
});
