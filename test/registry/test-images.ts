/**
 * Tiny OCI layouts for the registry tests, built with umoci, pushed with skopeo.
 */
import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

export interface BuiltLayouts {
  /** OCI layout directory holding tags `app` (2 layers), `amd`, `arm` and `multi` (an index). */
  layout: string;
}

async function umoci(...args: string[]): Promise<void> {
  await run('umoci', args);
}

/** Creates image `tag` in `layout` with one layer per entry of `layers` (file path → content). */
async function buildImage(
  layout: string,
  work: string,
  tag: string,
  layers: Array<Record<string, string | Buffer>>,
  architecture?: string,
): Promise<void> {
  await umoci('new', '--image', `${layout}:${tag}`);
  if (architecture) await umoci('config', '--image', `${layout}:${tag}`, '--architecture', architecture);
  for (const [i, files] of layers.entries()) {
    const bundle = join(work, `${tag}-bundle-${i}`);
    await umoci('unpack', '--rootless', '--image', `${layout}:${tag}`, bundle);
    for (const [path, content] of Object.entries(files)) {
      const full = join(bundle, 'rootfs', path);
      await mkdir(join(full, '..'), { recursive: true });
      await writeFile(full, content);
    }
    await umoci('repack', '--image', `${layout}:${tag}`, bundle);
    await rm(bundle, { recursive: true, force: true });
  }
}

interface IndexJson {
  schemaVersion: number;
  manifests: Array<{ mediaType: string; digest: string; size: number; annotations?: Record<string, string> }>;
}

/** A new OCI layout at `layout` with one image `tag`, one layer per entry of `layers`. */
export async function buildLayout(
  layout: string,
  work: string,
  tag: string,
  layers: Array<Record<string, string | Buffer>>,
): Promise<void> {
  await umoci('init', '--layout', layout);
  await buildImage(layout, work, tag, layers);
}

export async function buildTestLayouts(work: string): Promise<BuiltLayouts> {
  const layout = join(work, 'oci');
  await umoci('init', '--layout', layout);
  await buildImage(layout, work, 'app', [
    { 'hello.txt': 'hello from customs\n' },
    { 'etc/app.conf': 'port=8080\n' },
  ]);
  await buildImage(layout, work, 'amd', [{ 'arch.txt': 'amd64\n' }], 'amd64');
  await buildImage(layout, work, 'arm', [{ 'arch.txt': 'arm64\n' }], 'arm64');

  // A multi-arch index over `amd` and `arm`, written by hand and tagged `multi`.
  const indexPath = join(layout, 'index.json');
  const top = JSON.parse(await readFile(indexPath, 'utf8')) as IndexJson;
  const byTag = (tag: string) => {
    const found = top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
    if (!found) throw new Error(`tag ${tag} missing from ${indexPath}`);
    return found;
  };
  const entry = (tag: string, architecture: string) => {
    const m = byTag(tag);
    return {
      mediaType: m.mediaType,
      digest: m.digest,
      size: m.size,
      platform: { architecture, os: 'linux' },
    };
  };
  const index = {
    schemaVersion: 2,
    mediaType: 'application/vnd.oci.image.index.v1+json',
    manifests: [entry('amd', 'amd64'), entry('arm', 'arm64')],
  };
  const bytes = Buffer.from(JSON.stringify(index));
  const hex = createHash('sha256').update(bytes).digest('hex');
  await writeFile(join(layout, 'blobs', 'sha256', hex), bytes);
  top.manifests.push({
    mediaType: index.mediaType,
    digest: `sha256:${hex}`,
    size: bytes.length,
    annotations: { 'org.opencontainers.image.ref.name': 'multi' },
  });
  await writeFile(indexPath, JSON.stringify(top));
  return { layout };
}

/** `skopeo copy oci:<layout>:<tag> docker://<dest>` (plain HTTP registry). */
export async function pushImage(
  layout: string,
  tag: string,
  dest: string,
  options: { creds?: string; all?: boolean } = {},
): Promise<void> {
  const args = ['copy', '--quiet', '--dest-tls-verify=false'];
  if (options.creds) args.push('--dest-creds', options.creds);
  if (options.all) args.push('--all');
  args.push(`oci:${layout}:${tag}`, `docker://${dest}`);
  await run('skopeo', args, { env: { ...process.env, HOME: process.env['HOME'] ?? '/tmp' } });
}

/** Reads the manifest digest and its layer/config descriptors for `tag` straight from the layout. */
export async function layoutManifest(
  layout: string,
  tag: string,
): Promise<{ digest: string; config: string; layers: string[] }> {
  const top = JSON.parse(await readFile(join(layout, 'index.json'), 'utf8')) as IndexJson;
  const desc = top.manifests.find((m) => m.annotations?.['org.opencontainers.image.ref.name'] === tag);
  if (!desc) throw new Error(`no tag ${tag}`);
  const blob = (d: string) => join(layout, 'blobs', 'sha256', d.slice('sha256:'.length));
  const manifest = JSON.parse(await readFile(blob(desc.digest), 'utf8')) as {
    config: { digest: string };
    layers: Array<{ digest: string }>;
  };
  return {
    digest: desc.digest,
    config: manifest.config.digest,
    layers: manifest.layers.map((l) => l.digest),
  };
}
