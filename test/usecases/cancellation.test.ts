// Cancellation: a service cancels a job with an AbortSignal and the library stops within a second
// wherever the work is: a layer stream in the middle of an entry, the directory walk, between
// catalogers, matching, and a gate plugin's process. Each stop is a CancelledError.
import { chmodSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import * as tar from 'tar-stream';
import { beforeAll, describe, expect, it } from 'vitest';
import { CancelledError } from '../../src/errors/index.js';
import type { ProgressEvent } from '../../src/resolver/progress.js';
import { sbomOfImage } from '../../src/sbom/generate-sbom.js';
import type { OpenedImage } from '../../src/source/types.js';
import { checkImage, sbomImage, scanImage } from '../../src/usecases/index.js';
import { pkg, sbomWith } from '../helpers/memory-vuln-store.js';
import { everyImageBundle, writeLodashDatabase } from '../helpers/use-case-fixtures.js';
import { tempDir } from '../helpers/temp-dir.js';

const dir = tempDir('customs-cancel-');

/** Settles to the error the promise rejects with (undefined if it resolves) and how long it took. */
async function outcome(work: Promise<unknown>): Promise<{ error: unknown; ms: number }> {
  const started = Date.now();
  const error = await work.then(
    () => undefined,
    (err: unknown) => err,
  );
  return { error, ms: Date.now() - started };
}

/**
 * A layer that never ends: a tar entry announcing 1 GiB whose bytes arrive 1 KiB every 20 ms, as
 * from a registry on a bad link. `closed` resolves when the reader has torn it down.
 */
function drippingImage(): { image: OpenedImage; closed: Promise<void> } {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => (markClosed = resolve));
  const image: OpenedImage = {
    source: { type: 'oci-dir', reference: 'dripping:latest' },
    config: { architecture: 'amd64', os: 'linux', rootfs: { type: 'layers', diff_ids: [] } },
    layers: [
      {
        kind: 'tar',
        descriptor: {
          index: 0,
          digest: `sha256:${'0'.repeat(64)}`,
          mediaType: 'application/vnd.oci.image.layer.v1.tar',
          size: 1 << 30,
        },
        openBlob: () => {
          const pack = tar.pack();
          const body = pack.entry({ name: 'var/lib/big.bin', size: 1 << 30 });
          const timer = setInterval(() => body.write(Buffer.alloc(1024)), 20);
          const stream = Readable.from(pack as unknown as AsyncIterable<Buffer>);
          stream.on('close', () => {
            clearInterval(timer);
            pack.destroy();
            markClosed();
          });
          return Promise.resolve(stream);
        },
      },
    ],
    close: () => Promise.resolve(),
  };
  return { image, closed };
}

let sbomFile: string;
let db: string;
let treeDir: string;

beforeAll(async () => {
  sbomFile = join(dir, 'app.sbom.json');
  writeFileSync(
    sbomFile,
    JSON.stringify(sbomWith([pkg('npm', 'lodash', '4.17.11', { purl: 'pkg:npm/lodash@4.17.11' })], null)),
  );
  db = join(dir, 'vuln.db');
  await writeLodashDatabase(db);
  // A directory with enough entries for the walk to report progress part-way.
  treeDir = join(dir, 'tree');
  for (let d = 0; d < 30; d++) {
    mkdirSync(join(treeDir, `d${d}`), { recursive: true });
    for (let f = 0; f < 100; f++) writeFileSync(join(treeDir, `d${d}`, `f${f}.txt`), `${d}/${f}\n`);
  }
});

describe('cancelling image analysis', () => {
  it('tears a dripping layer down mid-entry within a second of the signal', async () => {
    const { image, closed } = drippingImage();
    // Aborted 300 ms into the layer (not from the call: loading the catalogers first takes a
    // while on a loaded machine), and timed from the abort.
    const controller = new AbortController();
    let abortedAt = 0;
    const { error } = await outcome(
      sbomOfImage(image, {
        signal: controller.signal,
        onProgress: (event) => {
          if (event.kind === 'layer-start')
            setTimeout(() => {
              abortedAt = Date.now();
              controller.abort();
            }, 300);
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as CancelledError).code).toBe('cancelled');
    expect((error as Error).message).toMatch(/^reading layer 1\/1 .* cancelled$/);
    expect(Date.now() - abortedAt).toBeLessThan(1_000);
    await closed; // the stream was destroyed, not left dripping
  });

  it('stops the directory walk at the next entry and catalogs nothing', async () => {
    const controller = new AbortController();
    const events: ProgressEvent['kind'][] = [];
    const { error } = await outcome(
      sbomImage(`dir:${treeDir}`, {
        signal: controller.signal,
        onProgress: (event) => {
          events.push(event.kind);
          if (event.kind === 'layer-progress') controller.abort();
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect(events).toContain('layer-progress');
    expect(events).not.toContain('cataloging');
    expect(events).not.toContain('done');
  });

  it('reads nothing when the signal has already fired', async () => {
    const { image } = drippingImage();
    let opened = false;
    const layer = image.layers[0]!;
    if (layer.kind === 'tar') {
      const open = layer.openBlob.bind(layer);
      layer.openBlob = () => {
        opened = true;
        return open();
      };
    }
    const { error } = await outcome(sbomOfImage(image, { signal: AbortSignal.abort() }));
    expect(error).toBeInstanceOf(CancelledError);
    expect(opened).toBe(false);
  });
});

describe('cancelling a scan', () => {
  it('stops before matching when the signal fires after cataloging', async () => {
    const controller = new AbortController();
    const { error } = await outcome(
      scanImage(`dir:${treeDir}`, {
        store: db,
        signal: controller.signal,
        onProgress: (event) => {
          if (event.kind === 'done') controller.abort();
        },
      }),
    );
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toBe('vulnerability matching cancelled');
  });

  it('completes the same scan without a signal (the cancellation is what stopped it)', async () => {
    const { scan } = await scanImage(`sbom:${sbomFile}`, { store: db });
    expect(scan.matches.map((m) => m.vulnerability.id)).toEqual(['GHSA-jf85-cpcp-j695']);
  });
});

describe('cancelling a check', () => {
  const bundle = {
    document: everyImageBundle(
      [{ id: 'slow', gate: 'plugin:slow', trigger: 'findings', action: 'STOP', params: [] }],
      'slow plugin',
    ),
    name: 'slow plugin',
  };

  it('kills a gate plugin that is still deciding and rejects within a second', async () => {
    const plugin = join(dir, 'slow-gate.sh');
    // Describes itself at once; as a gate it takes 30 s.
    writeFileSync(
      plugin,
      '#!/bin/sh\ninput=$(cat)\ncase "$input" in\n  *\'"kind":"describe"\'*) echo \'{"params":[]}\' ;;\n  *) sleep 30; echo \'{"findings":[]}\' ;;\nesac\n',
    );
    chmodSync(plugin, 0o755);
    const controller = new AbortController();
    const started = Date.now();
    let evaluating = 0;
    const work = checkImage(`sbom:${sbomFile}`, bundle, {
      plugins: [{ name: 'slow', path: plugin }],
      signal: controller.signal,
    });
    // The SBOM source is read at once; give the plugin time to start, then cancel.
    setTimeout(() => {
      evaluating = Date.now() - started;
      controller.abort();
    }, 500);
    const { error } = await outcome(work);
    expect(error).toBeInstanceOf(CancelledError);
    expect((error as Error).message).toBe('plugin slow cancelled');
    expect(Date.now() - started - evaluating).toBeLessThan(1_000);
  });
});
