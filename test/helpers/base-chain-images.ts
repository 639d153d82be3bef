// Small OCI images built in layers for provenance tests: a base, a copy of it under another
// manifest (same layers, another config), a runtime on the base, an app on the runtime, an
// unrelated image, and two more on the base. Each is analysed by the real SBOM generator.
import { join } from 'node:path';
import { expect } from 'vitest';
import type { Sbom } from '../../src/model/sbom.js';
import type { ServiceStore } from '../../src/server/store/types.js';
import { sbomImage } from '../../src/usecases/index.js';
import { writeOciLayout, type LayerSpec } from './oci-builder.js';

export const CHAIN_REGISTRY = '127.0.0.1:5000';

const file = (name: string, content: string): LayerSpec => ({ entries: [{ name, content }] });
const OS = file('etc/os-release', 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian 12"\n');
const RUNTIME = file(
  'usr/lib/node_modules/npm/package.json',
  JSON.stringify({ name: 'npm', version: '10.0.0' }),
);
const APP = file(
  'app/node_modules/left-pad/package.json',
  JSON.stringify({ name: 'left-pad', version: '1.3.0' }),
);
const OTHER = file('etc/alpine-release', '3.20.0\n');

export interface ChainImage {
  name: string;
  digest: string;
  sbom: Sbom;
  /** repository:tag, under CHAIN_REGISTRY. */
  tags: string[];
}

async function build(
  root: string,
  name: string,
  layers: LayerSpec[],
  tags: string[],
  config?: Record<string, unknown>,
): Promise<ChainImage> {
  const dir = join(root, name);
  const digest = await writeOciLayout(dir, { layers, tag: 'v1', ...(config ? { config } : {}) });
  const { sbom } = await sbomImage(`oci-dir:${dir}:v1`);
  expect(sbom.source.digest).toBe(digest);
  return { name, digest, sbom, tags };
}

export async function buildChainImages(root: string) {
  return {
    base: await build(root, 'base', [OS], ['base:12']),
    baseCopy: await build(root, 'base-copy', [OS], ['mirror/base:12'], { User: 'root' }),
    runtime: await build(root, 'runtime', [OS, RUNTIME], ['runtime:1']),
    app: await build(root, 'app', [OS, RUNTIME, APP], ['app:1', 'app:latest']),
    other: await build(root, 'other', [OTHER], ['other:1']),
    pending: await build(root, 'pending', [OS, APP], ['pending:1']),
    elsewhere: await build(root, 'elsewhere', [OS, OTHER], ['elsewhere:1']),
  };
}

/** What a worker stores for a registry image: the record and its tags, then (analyzed) the SBOM and status. */
export async function storeChainImage(
  store: ServiceStore,
  accountId: string,
  image: ChainImage,
  at: string,
  analyzed = true,
): Promise<void> {
  for (const tag of image.tags) {
    const [repository, name] = tag.split(':') as [string, string];
    await store.images.upsert({
      accountId,
      digest: image.digest,
      origin: { kind: 'registry', reference: `${CHAIN_REGISTRY}/${repository}@${image.digest}` },
      tag: { registry: CHAIN_REGISTRY, repository, tag: name, fullTag: `${CHAIN_REGISTRY}/${tag}` },
      at,
    });
  }
  if (!analyzed) return;
  await store.analyses.putSbom(image.digest, image.sbom, at);
  await store.images.setStatus(image.digest, 'analyzed', { at });
}
