import { stat } from 'node:fs/promises';
import { SourceFormatError, SourceNotFoundError } from '../../errors/index.js';
import { TarBlobStore } from '../oci-layout/blob-store.js';
import { MAX_DOCUMENT_BYTES, parseJsonDocument, verifyDigest } from '../oci-layout/verified-json.js';
import { MediaTypes, type ImageConfig, type ImageIndex } from '../oci-types.js';
import { splitPathAndTag } from '../source-spec.js';
import { TarIndex } from '../tar-archive/tar-index.js';
import type { OpenedImage, SourceDescription, SourceOptions, TarLayerHandle } from '../types.js';
import { parseArchiveManifest, selectArchiveImage } from './archive-manifest.js';

const BLOB_PATH = /^blobs\/(sha256|sha512)\/([0-9a-f]+)$/;

/**
 * `docker-archive:FILE[:NAME:TAG]`: what `docker save` writes, both the classic layout
 * (`<id>/layer.tar`, `<id>.json`) and the Docker ≥ 25 one (an OCI layout plus manifest.json).
 */
export async function openDockerArchive(spec: string, _options: SourceOptions): Promise<OpenedImage> {
  const { path, tag } = splitPathAndTag(spec);
  const info = await stat(path).catch(() => undefined);
  if (!info) throw new SourceNotFoundError(`docker-archive: ${path} does not exist`);
  if (!info.isFile()) throw new SourceNotFoundError(`docker-archive: ${path} is not a file`);
  const index = await TarIndex.build(path);
  const store = new TarBlobStore(index);
  if (!index.has('manifest.json')) {
    throw new SourceFormatError(
      `${path} is not a docker-archive (no manifest.json${index.has('oci-layout') ? '; it is an OCI layout: use oci-archive:' : ''})`,
    );
  }
  const entries = parseArchiveManifest(
    parseJsonDocument<unknown>(
      await store.read('manifest.json', MAX_DOCUMENT_BYTES),
      `${path}: manifest.json`,
    ),
    path,
  );
  const entry = selectArchiveImage(entries, tag, path);

  const configBytes = await store.read(entry.Config, MAX_DOCUMENT_BYTES);
  const configDigest = digestOfPath(entry.Config) ?? classicConfigDigest(entry.Config);
  if (configDigest) verifyDigest(configBytes, configDigest, `config ${entry.Config} in ${path}`);
  const config = parseJsonDocument<ImageConfig>(configBytes, `config ${entry.Config} in ${path}`);
  const diffIds = config.rootfs?.diff_ids ?? [];
  if (diffIds.length !== entry.Layers.length) {
    throw new SourceFormatError(
      `${path}: manifest.json lists ${entry.Layers.length} layers but the config has ${diffIds.length} diff_ids`,
    );
  }

  const layers: TarLayerHandle[] = [];
  for (const [i, layerPath] of entry.Layers.entries()) {
    const member = index.resolve(layerPath);
    if (!member) throw new SourceFormatError(`${path}: layer ${layerPath} is missing from the archive`);
    const diffId = diffIds[i]!;
    // Classic archives hold uncompressed layers under their own names: the blob is the diff.
    const digest = digestOfPath(member.path) ?? digestOfPath(layerPath) ?? diffId;
    layers.push({
      kind: 'tar',
      descriptor: {
        index: i,
        digest,
        diffId,
        mediaType: digestOfPath(layerPath) ? MediaTypes.ociLayer : MediaTypes.dockerLayer,
        size: member.size,
      },
      openBlob: () => store.stream(layerPath),
    });
  }

  const source: SourceDescription = { type: 'docker-archive', reference: spec };
  if (configDigest) source.configDigest = configDigest;
  if (entry.RepoTags?.length) source.tags = entry.RepoTags;
  const manifestDigest = await ociManifestDigest(store, configDigest);
  if (manifestDigest) source.manifestDigest = manifestDigest;
  return { source, config, layers, close: async () => undefined };
}

function digestOfPath(path: string): string | undefined {
  const m = BLOB_PATH.exec(path);
  return m ? `${m[1]}:${m[2]}` : undefined;
}

/** Classic archives name the config `<sha256 hex>.json`. */
function classicConfigDigest(path: string): string | undefined {
  const m = /^([0-9a-f]{64})\.json$/.exec(path);
  return m ? `sha256:${m[1]}` : undefined;
}

/** Docker ≥ 25 archives carry an index.json too: the manifest digest comes from it (checked). */
async function ociManifestDigest(
  store: TarBlobStore,
  configDigest: string | undefined,
): Promise<string | undefined> {
  if (!configDigest || !(await store.exists('index.json'))) return undefined;
  const top = parseJsonDocument<ImageIndex>(
    await store.read('index.json', MAX_DOCUMENT_BYTES),
    `${store.where}: index.json`,
  );
  for (const m of top.manifests ?? []) {
    const path = `blobs/${m.digest.replace(':', '/')}`;
    if (!digestOfPath(path) || !(await store.exists(path))) continue;
    const bytes = await store.read(path, MAX_DOCUMENT_BYTES);
    verifyDigest(bytes, m.digest, `manifest ${m.digest} in ${store.where}`);
    const manifest = parseJsonDocument<{ config?: { digest?: string } }>(
      bytes,
      `manifest ${m.digest} in ${store.where}`,
    );
    if (manifest.config?.digest === configDigest) return m.digest;
  }
  return undefined;
}
