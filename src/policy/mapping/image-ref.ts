import { PolicyError } from '../../errors/index.js';

/** The image a bundle is evaluated for: where it lives, which tag, and its identities. */
export interface ImageUnderTest {
  /** `docker.io`, `ghcr.io`, … or `*` when unknown. */
  registry: string;
  /** `library/nginx`, `acme/web`, … or `*` when unknown. */
  repository: string;
  /** `latest`, `v3`, … or `*` when the image was named by digest only (or not named). */
  tag: string;
  /** Manifest digest `sha256:…`. */
  digest?: string;
  /** Image (config) id `sha256:…`. */
  imageId?: string;
}

const DOCKER_HUB = 'docker.io';
const HUB_ALIASES = new Set([
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
]);
const COMPONENT = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG = /^[\w][\w.-]{0,127}$/;
const DIGEST = /^[a-z0-9]+(?:[.+_-][a-z0-9]+)*:[a-fA-F0-9]{32,}$/;

/**
 * Normalises an image reference the way Docker does, so it can be matched against bundle
 * selectors: `nginx` → `docker.io/library/nginx:latest`, `acme/web` → `docker.io/acme/web:latest`,
 * `ghcr.io/o/a@sha256:…` keeps registry and repository, has that digest and the tag `*` (the
 * reference names no tag, so only selectors whose tag pattern accepts `*` apply, as Anchore's
 * `*` / `*` / `*` stand-in does). A reference with both tag and digest keeps both.
 * An unreadable reference is a one-line PolicyError.
 */
export function parseImageReference(reference: string): ImageUnderTest {
  const text = reference.trim();
  const bad = (why: string): PolicyError =>
    new PolicyError(`not an image reference: "${reference}" (${why})`);
  if (text === '') throw bad('empty');
  const at = text.indexOf('@');
  const digest = at >= 0 ? text.slice(at + 1) : undefined;
  const named = at >= 0 ? text.slice(0, at) : text;
  if (digest !== undefined && !DIGEST.test(digest)) throw bad('digest must look like sha256:<hex>');
  const lastSlash = named.lastIndexOf('/');
  const colon = named.lastIndexOf(':');
  const tag = colon > lastSlash ? named.slice(colon + 1) : undefined;
  const path = colon > lastSlash ? named.slice(0, colon) : named;
  if (tag !== undefined && !TAG.test(tag)) throw bad('invalid tag');
  const parts = path.split('/');
  const first = parts[0] as string;
  const hasRegistry =
    parts.length > 1 && (first.includes('.') || first.includes(':') || first === 'localhost');
  let registry = hasRegistry ? first.toLowerCase() : DOCKER_HUB;
  if (HUB_ALIASES.has(registry)) registry = DOCKER_HUB;
  const repoParts = hasRegistry ? parts.slice(1) : parts;
  if (repoParts.length === 0 || repoParts.some((p) => !COMPONENT.test(p))) {
    throw bad('repository names are lower-case letters, digits and separators');
  }
  if (registry === DOCKER_HUB && repoParts.length === 1) repoParts.unshift('library');
  const image: ImageUnderTest = {
    registry,
    repository: repoParts.join('/'),
    tag: tag ?? (digest === undefined ? 'latest' : '*'),
  };
  if (digest !== undefined) image.digest = digest;
  return image;
}

/** The stand-in for an image that has no name at all (an archive without tags): `*` / `*` : `*`. */
export function unnamedImage(ids: { digest?: string; imageId?: string } = {}): ImageUnderTest {
  return { registry: '*', repository: '*', tag: '*', ...ids };
}

/** `registry/repository:tag` (plus `@digest` when known and asked for). */
export function fullTag(image: ImageUnderTest, withDigest = false): string {
  const base = `${image.registry}/${image.repository}:${image.tag}`;
  return withDigest && image.digest ? `${base}@${image.digest}` : base;
}
