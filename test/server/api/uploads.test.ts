// POST /v1/images/upload with real files: an SBOM made by the library, an OCI archive and a
// classic docker archive built here, and bad uploads that must leave nothing behind.
import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCycloneDxBom } from '../../../src/format/cyclonedx-json/build-bom.js';
import { sbomImage } from '../../../src/usecases/index.js';
import { writeClassicDockerArchive } from '../../helpers/docker-archive-builder.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { apiBackends, bearer, jobCount, openJob, startApi, type ApiHarness } from './api-harness.js';

const backends = await apiBackends();
const root = tempDir('customs-api-uploads-');
const FILES = [
  { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian 12"\n' },
  {
    name: 'app/node_modules/left-pad/package.json',
    content: JSON.stringify({ name: 'left-pad', version: '1.3.0' }),
  },
];
const MAX_UPLOAD = 64 * 1024;

/** A multipart/form-data body with optional text fields and one file part. */
function form(
  file: Buffer | undefined,
  fields: Record<string, string> = {},
  fileField = 'file',
): { payload: Buffer; headers: Record<string, string> } {
  const boundary = `----customs${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields))
    parts.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`),
    );
  if (file)
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="upload"\r\n` +
          'Content-Type: application/octet-stream\r\n\r\n',
      ),
      file,
      Buffer.from('\r\n'),
    );
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return {
    payload: Buffer.concat(parts),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}

let ociArchive: Buffer;
let ociDigest: string;
let dockerArchive: Buffer;
let dockerImageId: string;
let cyclonedx: Buffer;
let sbomDigest: string;

beforeAll(async () => {
  const layout = join(root, 'layout');
  ociDigest = await writeOciLayout(layout, { layers: [{ entries: FILES }], tag: 'v1' });
  execFileSync('tar', ['-cf', join(root, 'oci.tar'), '-C', layout, '.']);
  ociArchive = readFileSync(join(root, 'oci.tar'));
  await writeClassicDockerArchive(join(root, 'docker.tar'), join(root, 'docker-work'), [FILES]);
  dockerArchive = readFileSync(join(root, 'docker.tar'));
  // A classic archive has no manifest; the service names it by its image id, the config digest.
  const [entry] = JSON.parse(readFileSync(join(root, 'docker-work', 'manifest.json'), 'utf8')) as {
    Config: string;
  }[];
  dockerImageId = `sha256:${entry!.Config.replace(/\.json$/, '')}`;
  // The SBOM's image is another one (one more package), so its digest is not the archive's.
  const sbomLayout = join(root, 'sbom-layout');
  sbomDigest = await writeOciLayout(sbomLayout, {
    layers: [
      {
        entries: [
          ...FILES,
          {
            name: 'app/node_modules/is-odd/package.json',
            content: JSON.stringify({ name: 'is-odd', version: '3.0.1' }),
          },
        ],
      },
    ],
    tag: 'v1',
  });
  const { sbom } = await sbomImage(`oci-dir:${sbomLayout}:v1`);
  expect(sbom.source.digest).toBe(sbomDigest);
  cyclonedx = Buffer.from(JSON.stringify(buildCycloneDxBom(sbom)));
  expect(cyclonedx.length).toBeLessThan(MAX_UPLOAD);
  expect(ociArchive.length).toBeLessThan(MAX_UPLOAD);
}, 120_000);

describe.each(backends)('uploads ($name)', (backend) => {
  let api: ApiHarness;
  let headers: Record<string, string>;
  let accountId: string;
  const uploads = () =>
    existsSync(join(api.dataDir, 'uploads')) ? readdirSync(join(api.dataDir, 'uploads')) : [];
  const upload = (file: Buffer | undefined, fields?: Record<string, string>, fileField?: string) => {
    const body = form(file, fields, fileField);
    return api.app.inject({
      method: 'POST',
      url: '/v1/images/upload',
      headers: { ...headers, ...body.headers },
      payload: body.payload,
    });
  };

  beforeAll(async () => {
    api = await startApi(backend, { maxUploadBytes: MAX_UPLOAD });
    headers = bearer(api.adminKey);
    accountId = (await api.store.accounts.byName('admin'))!.id;
  });
  afterAll(async () => api?.close());

  it('stores an uploaded CycloneDX SBOM at once and queues its evaluation', async () => {
    const res = await upload(cyclonedx, { tag: 'registry.example/uploads/sbom:1' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ imageDigest: sbomDigest, analysis_status: 'analyzed' });
    expect(res.json().image_detail[0].fulltag).toBe('registry.example/uploads/sbom:1');
    const stored = await api.store.analyses.getSbom(sbomDigest);
    expect(stored?.packages.map((p) => p.name)).toEqual(expect.arrayContaining(['left-pad', 'is-odd']));
    const listed = (await api.app.inject({ url: '/v1/images', headers })).json();
    expect(listed.images.map((i: { imageDigest: string }) => i.imageDigest)).toContain(sbomDigest);
    expect(await jobCount(api.queue, 'evaluate-image')).toBe(1);
    const job = await openJob(
      api.queue,
      'evaluate-image',
      { digest: sbomDigest, accountId, reason: 'sbom uploaded' },
      `evaluate:${sbomDigest}`,
    );
    expect(job).toMatchObject({ state: 'queued', data: { digest: sbomDigest, accountId } });
    expect(uploads()).toEqual([]); // the document is parsed and dropped
  });

  it.each([
    ['an OCI archive', () => ociArchive, () => ociDigest, 'oci-archive'],
    ['a docker archive', () => dockerArchive, () => dockerImageId, 'docker-archive'],
  ])(
    'keeps %s under DATA_DIR/uploads/<uploadId> and queues its analysis',
    async (_what, file, expected, format) => {
      const before = await jobCount(api.queue, 'analyze-image');
      const res = await upload(file());
      expect(res.statusCode, res.body).toBe(200);
      const digest = res.json().imageDigest as string;
      expect(digest).toBe(expected());
      expect(res.json().analysis_status).toBe('not_analyzed');
      const image = await api.store.images.get(accountId, digest);
      expect(image?.origin).toMatchObject({ kind: 'archive', format });
      const uploadId = (image!.origin as { uploadId: string }).uploadId;
      const kept = join(api.dataDir, 'uploads', uploadId);
      expect(readFileSync(kept).equals(file())).toBe(true);
      expect(uploads()).toContain(uploadId);
      expect(uploads().some((f) => f.endsWith('.part'))).toBe(false);
      expect(await jobCount(api.queue, 'analyze-image')).toBe(before + 1);
      const job = await openJob(api.queue, 'analyze-image', { digest, accountId }, digest);
      expect(job).toMatchObject({ state: 'queued', data: { digest, accountId } });
      const shown = await api.app.inject({ url: `/v1/images/${digest}`, headers });
      expect(shown.statusCode).toBe(200);
    },
  );

  describe('bad uploads: a 4xx with a clear message, nothing left behind', () => {
    let filesBefore: string[];
    let imagesBefore: number;
    let jobsBefore: string;

    beforeAll(async () => {
      filesBefore = uploads();
      imagesBefore = (await api.store.images.list(accountId, {}, { limit: 100, offset: 0 })).total;
      jobsBefore = JSON.stringify(await api.queue.counts());
    });

    const nothingLeft = async () => {
      expect(uploads()).toEqual(filesBefore);
      expect((await api.store.images.list(accountId, {}, { limit: 100, offset: 0 })).total).toBe(
        imagesBefore,
      );
      expect(JSON.stringify(await api.queue.counts())).toBe(jobsBefore);
    };

    it.each([
      [
        'not an archive',
        () => Buffer.from('just some bytes, no tar header at all\n'.repeat(20)),
        400,
        /neither an OCI or docker archive nor an SBOM/,
      ],
      [
        'a tar without an image',
        () => tarOf('readme.txt', 'hello'),
        400,
        /neither an OCI or docker archive nor an SBOM document \(.*oci-layout/,
      ],
      [
        'a broken SBOM (bad JSON)',
        () => Buffer.from('{"bomFormat": "CycloneDX", "components": ['),
        400,
        /JSON|SBOM/,
      ],
      [
        'a JSON document that is no SBOM',
        () => Buffer.from('{"hello": "world"}'),
        400,
        /SBOM|CycloneDX|SPDX/i,
      ],
      ['an empty file', () => Buffer.alloc(0), 400, /empty/],
      ['too large', () => Buffer.concat([ociArchive, Buffer.alloc(MAX_UPLOAD)]), 413, /larger than/],
    ])('%s', async (_what, file, status, message) => {
      const res = await upload(file());
      expect(res.statusCode, res.body).toBe(status);
      const { error } = res.json() as { error: { code: string; message: string } };
      expect(error.message).toMatch(message);
      expect(error.message).not.toContain(api.dataDir);
      await nothingLeft();
    });

    it('a form without a file part', async () => {
      const res = await upload(cyclonedx, { tag: 'x/y:1' }, 'document');
      expect(res.statusCode, res.body).toBe(400);
      expect(res.json().error.message).toMatch(/needs a "file" part/);
      await nothingLeft();
    });
  });
});

function tarOf(name: string, content: string): Buffer {
  const dir = join(root, `tar-${name}`);
  execFileSync('mkdir', ['-p', dir]);
  execFileSync('sh', ['-c', `printf %s "$1" > "$2"`, 'sh', content, join(dir, name)]);
  return execFileSync('tar', ['-cf', '-', '-C', dir, name]);
}
