import { sbomOfImage } from '../../src/sbom/generate-sbom.js';
import { mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import {
  DigestMismatchError,
  PlatformNotFoundError,
  RegistryError,
  RegistryTransferError,
  SourceFormatError,
  SourceNotFoundError,
  UnsupportedMediaTypeError,
} from '../../src/errors/index.js';
import { openRegistryImage } from '../../src/source/registry/index.js';
import type { SourceOptions } from '../../src/source/types.js';
import { freePort, startRegistry, type RunningRegistry } from './registry-harness.js';
import { caught, sha256OfStream, tarLayers } from './stream-digest.js';
import { buildTestLayouts, layoutManifest, pushImage } from './test-images.js';
import { startProxy, UNKNOWN_MEDIA_TYPE, type RunningProxy } from './test-proxy.js';

describe('registry source against a real docker-registry', () => {
  let work: string;
  let registry: RunningRegistry;
  let proxy: RunningProxy;
  let layout: string;
  let app: { digest: string; config: string; layers: string[] };
  let amd: { digest: string; config: string; layers: string[] };
  let arm: { digest: string; config: string; layers: string[] };
  let opts: SourceOptions;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'customs-pull-test-'));
    ({ layout } = await buildTestLayouts(work));
    registry = await startRegistry();
    await pushImage(layout, 'app', `${registry.host}/test/app:v1`);
    await pushImage(layout, 'multi', `${registry.host}/test/multi:latest`, { all: true });
    app = await layoutManifest(layout, 'app');
    amd = await layoutManifest(layout, 'amd');
    arm = await layoutManifest(layout, 'arm');
    proxy = await startProxy({ upstream: registry.host });
    opts = {
      insecureRegistries: [registry.host, proxy.host],
      dockerConfigPath: join(work, 'no-config.json'),
    };
  });

  afterAll(async () => {
    await proxy?.stop();
    await registry?.stop();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('pulls by tag: manifest, config and streamed layers verify', async () => {
    const ref = `${registry.host}/test/app:v1`;
    const image = await openRegistryImage(ref, opts);
    try {
      expect(image.source).toMatchObject({
        type: 'registry',
        reference: ref,
        manifestDigest: app.digest,
        configDigest: app.config,
        manifestMediaType: 'application/vnd.oci.image.manifest.v1+json',
        repository: `${registry.host}/test/app`,
        tags: [`${registry.host}/test/app:v1`],
      });
      expect(image.source.indexDigest).toBeUndefined();
      expect(image.config.rootfs?.diff_ids).toHaveLength(2);
      const layers = tarLayers(image);
      expect(layers.map((l) => l.descriptor.digest)).toEqual(app.layers);
      for (const layer of layers) {
        expect(layer.descriptor.diffId).toBe(image.config.rootfs?.diff_ids[layer.descriptor.index]);
        expect(await sha256OfStream(await layer.openBlob())).toBe(layer.descriptor.digest);
      }
      // A layer can be opened again.
      expect(await sha256OfStream(await layers[0]!.openBlob())).toBe(app.layers[0]);
    } finally {
      await image.close();
      await image.close();
    }
  });

  it('pulls by digest', async () => {
    const ref = `${registry.host}/test/app@${app.digest}`;
    const image = await openRegistryImage(ref, opts);
    try {
      expect(image.source.manifestDigest).toBe(app.digest);
      expect(image.source.tags).toEqual([]);
      expect(image.layers).toHaveLength(2);
    } finally {
      await image.close();
    }
  });

  it('matches an insecure registry listed by host without port', async () => {
    const image = await openRegistryImage(`${registry.host}/test/app:v1`, {
      insecureRegistries: ['127.0.0.1'],
    });
    await image.close();
    expect(image.source.manifestDigest).toBe(app.digest);
  });

  it('picks linux/amd64 from a multi-arch index by default', async () => {
    const image = await openRegistryImage(`${registry.host}/test/multi`, opts);
    try {
      expect(image.source.indexDigest).toMatch(/^sha256:[a-f0-9]{64}$/);
      expect(image.source.manifestDigest).toBe(amd.digest);
      expect(image.source.configDigest).toBe(amd.config);
      expect(image.config.architecture).toBe('amd64');
      const [layer] = tarLayers(image);
      expect(await sha256OfStream(await layer!.openBlob())).toBe(amd.layers[0]);
    } finally {
      await image.close();
    }
  });

  it('picks linux/arm64 when asked', async () => {
    const image = await openRegistryImage(`${registry.host}/test/multi:latest`, {
      ...opts,
      platform: { os: 'linux', architecture: 'arm64' },
    });
    await image.close();
    expect(image.source.manifestDigest).toBe(arm.digest);
    expect(image.config.architecture).toBe('arm64');
  });

  it('fails with PlatformNotFoundError for a platform the index lacks', async () => {
    const err = await caught(() =>
      openRegistryImage(`${registry.host}/test/multi:latest`, {
        ...opts,
        platform: { os: 'linux', architecture: 's390x' },
      }),
    );
    expect(err).toBeInstanceOf(PlatformNotFoundError);
    expect(err.message).toMatch(/linux\/s390x.*linux\/amd64, linux\/arm64/);
  });

  it('reports a missing tag as SourceNotFoundError', async () => {
    const err = await caught(() => openRegistryImage(`${registry.host}/test/app:nope`, opts));
    expect(err).toBeInstanceOf(SourceNotFoundError);
    expect(err.message).toBe(`image test/app:nope not found in registry ${registry.host}`);
  });

  it('reports a registry that is down as registry-unreachable', async () => {
    const port = await freePort();
    const host = `127.0.0.1:${port}`;
    const err = await caught(() => openRegistryImage(`${host}/test/app:v1`, { insecureRegistries: [host] }));
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.code).toBe('registry-unreachable');
    expect(err.message).toBe(`cannot reach registry ${host}: connection refused`);
  });

  it('does not use plain HTTP for a registry that is not listed as insecure', async () => {
    const err = await caught(() => openRegistryImage(`${registry.host}/test/app:v1`, {}));
    expect(err).toBeInstanceOf(RegistryError);
    expect(err.code).toBe('registry-unreachable');
    expect(err.message).toMatch(
      new RegExp(`^cannot reach registry ${registry.host} over HTTPS: TLS handshake failed`),
    );
    expect(err.message).toMatch(/insecure registry/);
    expect(err.message).not.toContain('\n');
  });

  describe('timeouts and cancellation', () => {
    let silent: Server;
    let silentHost: string;
    const sockets = new Set<Socket>();

    beforeAll(async () => {
      // Closes TLS handshakes (so an insecure client falls back to HTTP), never answers HTTP.
      silent = createServer((socket) => {
        sockets.add(socket);
        socket.on('error', () => undefined);
        socket.once('data', (first: Buffer) => {
          if (first[0] === 0x16) socket.destroy();
        });
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const address = silent.address();
      silentHost = `127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
    });

    afterAll(async () => {
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => silent.close(() => resolve()));
    });

    it('times out waiting for response headers', async () => {
      const err = await caught(() =>
        openRegistryImage(`${silentHost}/test/app:v1`, {
          insecureRegistries: [silentHost],
          limits: { headersMs: 300, backoffMs: 10 },
        }),
      );
      expect(err).toBeInstanceOf(RegistryTransferError);
      expect(err.code).toBe('registry-transfer');
      expect(err.message).toBe(
        `registry ${silentHost}: manifest test/app:v1 no response within 0.3 s after 4 tries`,
      );
    });

    it('stops when the signal is aborted', async () => {
      const controller = new AbortController();
      const pending = openRegistryImage(`${silentHost}/test/app:v1`, {
        insecureRegistries: [silentHost],
        signal: controller.signal,
      });
      setTimeout(() => controller.abort(), 200);
      const err = await caught(() => pending);
      expect(err.name).toBe('AbortError');
    });
  });

  describe('through a misbehaving proxy', () => {
    const viaProxy = (rest: string) => `${proxy.host}/${rest}`;

    it('ends the stream of a corrupted layer with a digest error', async () => {
      proxy.misbehaviour = 'corrupt-layers';
      try {
        const image = await openRegistryImage(viaProxy('test/app:v1'), opts);
        try {
          const [layer] = tarLayers(image);
          const err = await caught(async () => sha256OfStream(await layer!.openBlob()));
          expect(err).toBeInstanceOf(DigestMismatchError);
          expect((err as DigestMismatchError).expected).toBe(layer!.descriptor.digest);
          expect(err.message).toMatch(/^layer blob sha256:[a-f0-9]{64} of test\/app:v1: digest mismatch/);
        } finally {
          await image.close();
        }
      } finally {
        proxy.misbehaviour = 'none';
      }
    });

    it('fails the analysis of a corrupted layer: the resolver trusts the verified stream, not skips it', async () => {
      proxy.misbehaviour = 'corrupt-layers';
      try {
        const image = await openRegistryImage(viaProxy('test/app:v1'), opts);
        try {
          expect(tarLayers(image).every((l) => l.blobVerified)).toBe(true);
          const err = await caught(() => sbomOfImage(image));
          expect(err).toBeInstanceOf(DigestMismatchError);
          expect(err.message).toMatch(/^layer blob sha256:[a-f0-9]{64} of test\/app:v1: digest mismatch/);
        } finally {
          await image.close();
        }
      } finally {
        proxy.misbehaviour = 'none';
      }
    });

    it('rejects a manifest that is not JSON', async () => {
      proxy.misbehaviour = 'manifest-not-json';
      const err = await caught(() => openRegistryImage(viaProxy('test/app:v1'), opts));
      proxy.misbehaviour = 'none';
      expect(err).toBeInstanceOf(SourceFormatError);
      expect(err.message).toBe('manifest of test/app:v1 is not JSON');
    });

    it('rejects an unknown manifest media type, naming it', async () => {
      proxy.misbehaviour = 'unknown-media-type';
      const err = await caught(() => openRegistryImage(viaProxy('test/app:v1'), opts));
      proxy.misbehaviour = 'none';
      expect(err).toBeInstanceOf(UnsupportedMediaTypeError);
      expect(err.message).toContain(UNKNOWN_MEDIA_TYPE);
    });

    it('rejects a schema 1 manifest', async () => {
      proxy.misbehaviour = 'schema1';
      const err = await caught(() => openRegistryImage(viaProxy('test/app:v1'), opts));
      proxy.misbehaviour = 'none';
      expect(err).toBeInstanceOf(UnsupportedMediaTypeError);
      expect(err.message).toContain('application/vnd.docker.distribution.manifest.v1+prettyjws');
    });

    it('rejects a digest-pinned reference whose manifest does not match', async () => {
      proxy.misbehaviour = 'manifest-altered';
      const err = await caught(() => openRegistryImage(viaProxy(`test/app@${app.digest}`), opts));
      proxy.misbehaviour = 'none';
      expect(err).toBeInstanceOf(DigestMismatchError);
      expect((err as DigestMismatchError).expected).toBe(app.digest);
      expect((err as DigestMismatchError).actual).not.toBe(app.digest);
    });

    it('rejects a manifest that does not match its Docker-Content-Digest header', async () => {
      proxy.misbehaviour = 'manifest-altered-keep-header';
      const err = await caught(() => openRegistryImage(viaProxy('test/app:v1'), opts));
      proxy.misbehaviour = 'none';
      expect(err).toBeInstanceOf(DigestMismatchError);
      expect(err.message).toMatch(/Docker-Content-Digest/);
    });

    it('verifies the platform manifest chosen from an index against the index entry', async () => {
      // The index itself is re-serialised too, so pin nothing and only alter children: the
      // altered index (no header) passes, the child fetched by digest must then fail.
      proxy.misbehaviour = 'manifest-altered';
      const err = await caught(() => openRegistryImage(viaProxy('test/multi:latest'), opts));
      proxy.misbehaviour = 'none';
      expect(err).toBeInstanceOf(DigestMismatchError);
      expect((err as DigestMismatchError).expected).toBe(amd.digest);
    });
  });
});
