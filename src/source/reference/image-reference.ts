import { UsageError } from '../../errors/index.js';

/**
 * A docker image reference, normalised the way docker normalises it:
 * `debian` is `docker.io/library/debian:latest`.
 */
export interface ImageReference {
  /** Registry host as the user names it, with port: `docker.io`, `localhost:5000`, `[::1]:5000`. */
  registry: string;
  /** Repository path inside the registry: `library/debian`, `test/app`. */
  repository: string;
  /** Tag; `latest` when the reference named neither a tag nor a digest. */
  tag?: string;
  /** Digest (`sha256:<64 hex>`), when the reference pins one. */
  digest?: string;
  /** The fully qualified form: `docker.io/library/debian:latest`, `host:5000/a/b:t@sha256:…`. */
  toString(): string;
}

export const DOCKER_HUB_REGISTRY = 'docker.io';
/** The host that actually serves the registry API for docker.io. */
export const DOCKER_HUB_API_HOST = 'registry-1.docker.io';

const MAX_NAME_LENGTH = 255;

// The grammar of github.com/distribution/reference, written as anchored pieces.
const domainComponent = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const ipv6Host = '\\[(?:[a-fA-F0-9:]+)\\]';
const hostPattern = `(?:${domainComponent}(?:\\.${domainComponent})*|${ipv6Host})`;
const DOMAIN_RE = new RegExp(`^${hostPattern}(?::[0-9]+)?$`);
const PATH_COMPONENT_RE = /^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*$/;
const TAG_RE = /^[\w][\w.-]{0,127}$/;
const DIGEST_RE = /^[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;
const HEX64_RE = /^[a-f0-9]{64}$/;
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

class ParsedReference implements ImageReference {
  readonly registry: string;
  readonly repository: string;
  readonly tag?: string;
  readonly digest?: string;

  constructor(registry: string, repository: string, tag: string | undefined, digest: string | undefined) {
    this.registry = registry;
    this.repository = repository;
    if (tag !== undefined) this.tag = tag;
    if (digest !== undefined) this.digest = digest;
  }

  toString(): string {
    let text = `${this.registry}/${this.repository}`;
    if (this.tag !== undefined) text += `:${this.tag}`;
    if (this.digest !== undefined) text += `@${this.digest}`;
    return text;
  }
}

/**
 * Parses a docker image reference (`[registry[:port]/]path[:tag][@digest]`) and normalises it.
 * The first path component is a registry when it contains `.` or `:` or is `localhost`;
 * otherwise the registry is docker.io, where single-component names live under `library/`.
 * Throws UsageError with one line naming what is wrong.
 */
export function parseImageReference(text: string): ImageReference {
  const input = text.trim();
  const fail = (why: string): never => {
    throw new UsageError(`invalid image reference "${text}": ${why}`);
  };
  if (input === '') fail('it is empty');
  if (/\s/.test(input)) fail('it contains whitespace');

  let rest = input;
  let digest: string | undefined;
  const at = rest.indexOf('@');
  if (at !== -1) {
    digest = rest.slice(at + 1);
    rest = rest.slice(0, at);
    validateDigest(digest, fail);
  }

  let tag: string | undefined;
  const lastSlash = rest.lastIndexOf('/');
  const lastColon = rest.lastIndexOf(':');
  if (lastColon > lastSlash) {
    tag = rest.slice(lastColon + 1);
    rest = rest.slice(0, lastColon);
    if (!TAG_RE.test(tag)) {
      fail(`tag "${tag}" must be 1-128 letters, digits, "_", "." or "-", not starting with "." or "-"`);
    }
  }

  const name = rest;
  if (name === '') fail('the repository name is missing');
  if (name.length > MAX_NAME_LENGTH) fail(`the repository name is longer than ${MAX_NAME_LENGTH} characters`);

  let { registry, remainder } = splitDomain(name);
  if (registry !== DOCKER_HUB_REGISTRY && !DOMAIN_RE.test(registry)) {
    fail(`registry "${registry}" is not a valid host[:port]`);
  }
  if (registry.toLowerCase() === 'index.docker.io') registry = DOCKER_HUB_REGISTRY;
  if (remainder === '') fail('the repository name is missing');
  if (HEX64_RE.test(remainder) && at === -1 && tag === undefined && !name.includes('/')) {
    fail('a 64-character hexadecimal string is an image ID, not a repository name');
  }
  for (const component of remainder.split('/')) {
    if (component === '') fail('the repository path has an empty component');
    if (/[A-Z]/.test(component)) fail('the repository name must be lowercase');
    if (!PATH_COMPONENT_RE.test(component)) {
      fail(
        `repository path component "${component}" may only hold lowercase letters, digits and single separators (".", "_", "__", "-")`,
      );
    }
  }
  if (registry === DOCKER_HUB_REGISTRY && !remainder.includes('/')) remainder = `library/${remainder}`;
  if (tag === undefined && digest === undefined) tag = 'latest';
  return new ParsedReference(registry, remainder, tag, digest);
}

function splitDomain(name: string): { registry: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash === -1) return { registry: DOCKER_HUB_REGISTRY, remainder: name };
  const first = name.slice(0, slash);
  const isRegistry =
    first.includes('.') || first.includes(':') || first === 'localhost' || first.toLowerCase() !== first;
  if (!isRegistry) return { registry: DOCKER_HUB_REGISTRY, remainder: name };
  return { registry: first, remainder: name.slice(slash + 1) };
}

function validateDigest(digest: string, fail: (why: string) => never): void {
  if (!DIGEST_RE.test(digest)) fail(`digest "${digest}" must look like sha256:<64 hex digits>`);
  const colon = digest.indexOf(':');
  const algorithm = digest.slice(0, colon);
  const hex = digest.slice(colon + 1);
  const length = DIGEST_HEX_LENGTH[algorithm];
  if (length === undefined) fail(`digest algorithm "${algorithm}" is not supported (use sha256)`);
  if (hex.length !== length || !/^[a-f0-9]+$/.test(hex)) {
    fail(`digest "${digest}" must have ${length} lowercase hex digits after "${algorithm}:"`);
  }
}

/** The host (with port) that serves the registry API for a reference's registry. */
export function registryApiHost(registry: string): string {
  return registry === DOCKER_HUB_REGISTRY ? DOCKER_HUB_API_HOST : registry;
}
