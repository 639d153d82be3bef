import type { SourceType } from '../model/source-type.js';
import type { Readable } from 'node:stream';
import type { ImageConfig } from './oci-types.js';
import type { LayerEntry } from './layer-entry.js';

export type { SourceType } from '../model/source-type.js';

/** One layer as a source describes it, before any byte is read. */
export interface LayerDescriptor {
  /** Position in the image, 0 = base layer. */
  index: number;
  /** Digest of the blob as stored (compressed); for `dir:` a digest of the tree listing. */
  digest: string;
  /** Digest of the uncompressed tar (the config's rootfs.diff_ids entry), when known. */
  diffId?: string;
  mediaType: string;
  /** Size in bytes of the stored blob. */
  size: number;
}

/**
 * A layer whose bytes come as a (possibly compressed) tar blob. `openBlob` streams the blob as
 * stored; the resolver decompresses it, reads the tar and checks `digest` and `diffId`.
 */
export interface TarLayerHandle {
  kind: 'tar';
  descriptor: LayerDescriptor;
  openBlob(): Promise<Readable>;
  /**
   * The stream openBlob gives fails with a DigestMismatchError unless its bytes have `digest`
   * (the registry client verifies every blob): the resolver then does not hash it again.
   */
  blobVerified?: boolean;
}

/** A layer that is a directory tree already (the `dir:` source): entries come from a walk. */
export interface TreeLayerHandle {
  kind: 'tree';
  descriptor: LayerDescriptor;
  entries(): AsyncIterable<LayerEntry>;
}

export type LayerHandle = TarLayerHandle | TreeLayerHandle;

export interface SourceDescription {
  type: SourceType;
  /** What the user asked for, as given (without the `type:` prefix). */
  reference: string;
  /** Digest of the image manifest, when the source has one. */
  manifestDigest?: string;
  /** Digest of the index the manifest was chosen from (multi-arch), when there was one. */
  indexDigest?: string;
  configDigest?: string;
  manifestMediaType?: string;
  /** Tags or names the source records for the image. */
  tags?: string[];
  /** Registry sources: the repository the image came from, e.g. `docker.io/library/debian`. */
  repository?: string;
}

/** An image opened from any source: config, layers, and how to read them. */
export interface OpenedImage {
  source: SourceDescription;
  config: ImageConfig;
  layers: LayerHandle[];
  /** What the caller should hear about the image as opened (e.g. not the platform asked for). */
  warnings?: string[];
  /** Release files or connections the source holds. Safe to call twice. */
  close(): Promise<void>;
}

export interface PlatformSelector {
  os: string;
  architecture: string;
  variant?: string;
}

export interface SourceOptions {
  /**
   * Platform to pick from a multi-platform index; default linux/amd64. A single-platform image
   * of another platform is refused when this is given, and opened with a warning when not.
   */
  platform?: PlatformSelector;
  /** Registry hosts (host or host:port) for which plain HTTP and unverified TLS are allowed. */
  insecureRegistries?: string[];
  /** Path of the docker config.json for credentials (default ~/.docker/config.json or $DOCKER_CONFIG). */
  dockerConfigPath?: string;
  /** Explicit credentials, taking precedence over the docker config. */
  credentials?: { username: string; password: string };
  /**
   * Refuse connections to loopback, link-local, cloud metadata and unspecified addresses (the
   * service's rule against SSRF through image references, token realms and redirects), except
   * to these hosts (`host` or `host:port` names the host; ports are not compared).
   */
  addressRule?: { allowedHosts: readonly string[] };
  signal?: AbortSignal;
}
