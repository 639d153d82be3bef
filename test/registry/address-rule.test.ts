/**
 * The address rule (the service's guard against SSRF through image references): with it, the
 * registry client refuses loopback, link-local and metadata addresses — as literals, as names
 * that resolve to them, and as redirect targets — unless the host is allowed, before any
 * request; without it (the CLI) everything is reached as before. Against a real docker-registry
 * behind the fault proxy.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AddressRefusedError } from '../../src/errors/index.js';
import { openRegistryImage } from '../../src/source/registry/index.js';
import type { SourceOptions } from '../../src/source/types.js';
import { registryAddressRule } from '../../src/server/services/registry-address-rule.js';
import { startFaultProxy, type FaultProxy } from '../helpers/fault-proxy.js';
import { startRegistry, type RunningRegistry } from './registry-harness.js';
import { caught, sha256OfStream, tarLayers } from './stream-digest.js';
import { buildLayout, pushImage } from './test-images.js';

let work: string;
let registry: RunningRegistry;
let proxy: FaultProxy;
let base: SourceOptions;
let layerDigest: string;

beforeAll(async () => {
  work = await mkdtemp(join(tmpdir(), 'customs-address-rule-'));
  const layout = join(work, 'oci');
  await buildLayout(layout, work, 'app', [{ 'hello.txt': 'hello\n' }]);
  registry = await startRegistry();
  await pushImage(layout, 'app', `${registry.host}/test/app:v1`);
  proxy = await startFaultProxy({ upstream: registry.host });
  const port = proxy.host.split(':')[1]!;
  base = {
    insecureRegistries: [registry.host, proxy.host, `localhost:${port}`],
    dockerConfigPath: join(work, 'no-config.json'),
  };
  const image = await openRegistryImage(`${registry.host}/test/app:v1`, base);
  layerDigest = tarLayers(image)[0]!.descriptor.digest;
  await image.close();
});

afterAll(async () => {
  await proxy?.stop();
  await registry?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

async function pull(reference: string, options: SourceOptions): Promise<string> {
  const image = await openRegistryImage(reference, options);
  try {
    return await sha256OfStream(await tarLayers(image)[0]!.openBlob());
  } finally {
    await image.close();
  }
}

describe('the address rule', () => {
  it('refuses a loopback address literal before any request', async () => {
    proxy.reset();
    const err = await caught(() =>
      pull(`${proxy.host}/test/app:v1`, { ...base, addressRule: { allowedHosts: [] } }),
    );
    expect(err).toBeInstanceOf(AddressRefusedError);
    expect((err as Error).message).toMatch(
      /^refused to connect to registry 127\.0\.0\.1:\d+: 127\.0\.0\.1: 127\.0\.0\.1 is a loopback, link-local, metadata or unspecified address; an administrator can allow the host$/,
    );
    expect(proxy.requests).toHaveLength(0);
  });

  it('refuses a name that resolves to loopback, at connect time', async () => {
    proxy.reset();
    const port = proxy.host.split(':')[1]!;
    const err = await caught(() =>
      pull(`localhost:${port}/test/app:v1`, { ...base, addressRule: { allowedHosts: [] } }),
    );
    expect(err).toBeInstanceOf(AddressRefusedError);
    expect((err as Error).message).toMatch(/refused to connect to localhost \((127\.0\.0\.1|::1)\)/);
    expect(proxy.requests).toHaveLength(0);
  });

  it('refuses the cloud metadata address and name', async () => {
    for (const host of ['169.254.169.254', 'metadata.google.internal', '[fd00:ec2::254]']) {
      const err = await caught(() =>
        pull(`${host}/latest/meta-data:v1`, { addressRule: { allowedHosts: [] } }),
      );
      expect(err, host).toBeInstanceOf(AddressRefusedError);
    }
  });

  it('reaches a host the administrator allowed, and refuses a redirect from it to another loopback host', async () => {
    const port = proxy.host.split(':')[1]!;
    const allowed = registryAddressRule({ allowedRegistryHosts: [`localhost:${port}`] });
    expect(allowed).toEqual({ allowedHosts: ['localhost'] });
    expect(await pull(`localhost:${port}/test/app:v1`, { ...base, addressRule: allowed })).toBe(layerDigest);
    // The fault proxy redirects the blob to 127.0.0.1:<store>: not the allowed name.
    proxy.setFaults([{ match: layerDigest, fault: { kind: 'redirect' } }]);
    try {
      const err = await caught(() =>
        pull(`localhost:${port}/test/app:v1`, { ...base, addressRule: allowed }),
      );
      expect(err).toBeInstanceOf(AddressRefusedError);
      expect((err as Error).message).toMatch(
        /refused to connect to 127\.0\.0\.1:\d+ \(for registry localhost:\d+\)/,
      );
    } finally {
      proxy.setFaults([]);
    }
  });

  it('insecure registries the administrator named are allowed; without a rule nothing is refused', async () => {
    expect(registryAddressRule({ insecureRegistries: [registry.host, '[::1]:5000', 'reg.example'] })).toEqual(
      {
        allowedHosts: ['127.0.0.1', '::1', 'reg.example'],
      },
    );
    const rule = registryAddressRule({ insecureRegistries: [registry.host] });
    expect(await pull(`${registry.host}/test/app:v1`, { ...base, addressRule: rule })).toBe(layerDigest);
    expect(await pull(`${registry.host}/test/app:v1`, base)).toBe(layerDigest);
  });
});
