// Locations of the real test images built by scripts/build-test-images.mjs (see test/global-setup.ts).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** Cache root: $CUSTOMS_TEST_CACHE, or ~/.cache/customs-test. */
export const TEST_CACHE_DIR: string = path.resolve(
  process.env.CUSTOMS_TEST_CACHE || path.join(os.homedir(), '.cache', 'customs-test'),
);

/** Directory holding the current image set (and its images.json). */
export const TEST_IMAGES_DIR: string = path.join(TEST_CACHE_DIR, 'images-v2');

export const TEST_IMAGES_JSON: string = path.join(TEST_IMAGES_DIR, 'images.json');

/** debian:bookworm-like image: one gzip layer holding a debootstrapped minbase root. */
export interface BookwormImage {
  /** OCI image layout directory. */
  ociDir: string;
  /** Tag (org.opencontainers.image.ref.name) of the image in ociDir. */
  tag: string;
  /** `skopeo copy` to oci-archive. */
  ociArchive: string;
  /** `skopeo copy` to docker-archive (classic `docker save` layout). */
  dockerArchive: string;
  /** `docker save` layout of Docker >= 25: OCI layout + manifest.json, uncompressed layers. */
  dockerArchiveOci: string;
  /** The debootstrapped root directory the image was made from (for the `dir:` source). */
  rootfs: string;
  /** RepoTags entry of dockerArchiveOci (skopeo writes it docker.io/-qualified in dockerArchive). */
  repoTag: string;
  manifestDigest: string;
  configDigest: string;
  diffIds: string[];
}

/**
 * bookworm + 4 layers: (2) adds /opt/app/{secret.txt,keep.txt} and /etc/customs/removed/a.conf;
 * (3) deletes secret.txt (.wh.secret.txt); (4, zstd) opaque whiteout on /etc/customs/removed plus
 * new.conf; (5, uncompressed) /var/lib/dpkg/status without `removedPackage`'s paragraph.
 */
export interface LayeredImage {
  ociDir: string;
  tag: string;
  ociArchive: string;
  /** Docker >= 25 `docker save` layout (skopeo cannot write zstd layers into docker-archive). */
  dockerArchiveOci: string;
  repoTag: string;
  manifestDigest: string;
  configDigest: string;
  diffIds: string[];
  layerMediaTypes: string[];
  /** Package present in the all-layers view but not in the squashed one. */
  removedPackage: string;
  /** Path added in layer 2 and whited out in layer 3. */
  secretPath: string;
  fakeSecretLine: string;
}

/** `latest` is a nested image index: linux/amd64 (= bookworm) and linux/arm64/v8 (tiny). */
export interface MultiarchImage {
  ociDir: string;
  tag: string;
  /** `skopeo copy --all` to oci-archive. */
  ociArchive: string;
  /** Digest of the nested image index `latest` points to. */
  indexDigest: string;
  /** Manifest digest per platform, keyed 'linux/amd64' and 'linux/arm64'. */
  platforms: Record<string, string>;
}

export interface PolyglotUser {
  name: string;
  uid: number;
  shell: string;
  home: string;
  /** The /etc/shadow password field is empty (login without a password). */
  emptyPassword: boolean;
}

/** What the polyglot image is known to hold (paths are inside the image). */
export interface PolyglotExpected {
  /** Packages named on the `apt-get install` line (their dependencies come along). */
  aptPackages: string[];
  /** /srv/app's package.json: exact pinned dependency versions. */
  npmApp: { name: string; version: string; dependencies: Record<string, string> };
  users: PolyglotUser[];
  /** Config.User. */
  configUser: string;
  exposedPorts: string[];
  setuidPaths: string[];
  worldWritablePaths: string[];
  /** Planted fake secrets: a GitHub token in a .env file and an ssh-keygen RSA key (PEM). */
  secrets: { path: string; kind: 'github-token' | 'private-key'; value?: string }[];
  /** The host's umoci (a Go binary) copied in; no dpkg package owns it. */
  goBinaryPath: string;
  warPath: string;
  /** Entry inside the war: Debian's commons-lang3 jar under its versioned name. */
  warNestedJar: string;
  /** A plain jar with META-INF/maven/<groupId>/<artifactId>/pom.properties and a manifest. */
  plainJarPath: string;
  plainJar: { groupId: string; artifactId: string; version: string };
}

/**
 * bookworm + 6 gzip layers: (2) apt-get install of python3-requests, ruby, ruby-rack,
 * node-lodash, libcommons-lang3-java, openssl, busybox; (3) users appuser and nopass; (4) the npm
 * app in /srv/app (real `npm install`, package-lock.json, .env with a fake token, a world-writable
 * file); (5) a Go binary; (6) /opt/app/app.war and /opt/app/lib/*.jar; (7) a setuid shell and
 * /root/.ssh/id_rsa. Config: USER appuser, EXPOSE 22/tcp 3000/tcp, HEALTHCHECK.
 */
export interface PolyglotImage {
  ociDir: string;
  tag: string;
  ociArchive: string;
  /** The root the last layer was made from (for the `dir:` source and the oracles). */
  rootfs: string;
  manifestDigest: string;
  configDigest: string;
  diffIds: string[];
  /** The npm app's directory inside the image ('/srv/app'). */
  appDir: string;
  expected: PolyglotExpected;
}

export interface TestImages {
  version: 2;
  createdAt: string;
  debian: { suite: string; mirror: string; include: string[] };
  images: {
    bookworm: BookwormImage;
    layered: LayeredImage;
    multiarch: MultiarchImage;
    polyglot: PolyglotImage;
  };
}

let cached: TestImages | undefined;

/** Reads images.json from the cache; throws if the images have not been built. */
export function getTestImages(): TestImages {
  if (cached) return cached;
  let text: string;
  try {
    text = fs.readFileSync(TEST_IMAGES_JSON, 'utf8');
  } catch {
    throw new Error(
      `test images are not built (${TEST_IMAGES_JSON} is missing); run \`node scripts/build-test-images.mjs\` as root`,
    );
  }
  const parsed = JSON.parse(text) as TestImages;
  if (parsed.version !== 2) {
    throw new Error(`unexpected test images version ${String(parsed.version)} in ${TEST_IMAGES_JSON}`);
  }
  cached = parsed;
  return parsed;
}
