// Uploaded archives, end to end below the API: an OCI archive and a classic `docker save` archive
// registered by the upload service are analyzed by the workers from the data dir, and what is
// stored equals the library's SBOM of the same archive.
import { execFileSync } from 'node:child_process';
import { randomBytes, randomUUID } from 'node:crypto';
import { copyFile, mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { InProcessQueue } from '../../../src/server/queue/index.js';
import { ImageService } from '../../../src/server/services/image-service.js';
import { RegistryService } from '../../../src/server/services/registry-service.js';
import { uploadPath } from '../../../src/server/services/upload-path.js';
import { UploadService } from '../../../src/server/services/upload-service.js';
import { createSecretBox, openServiceStore, type ServiceStore } from '../../../src/server/store/index.js';
import { startWorkers, type RunningHandlers } from '../../../src/server/worker/index.js';
import { sbomImage } from '../../../src/usecases/index.js';
import { writeClassicDockerArchive } from '../../helpers/docker-archive-builder.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { waitFor } from './worker-fixtures.js';

const root = tempDir('customs-archive-analysis-');
const dataDir = join(root, 'data');
const FILES = [
  { name: 'etc/os-release', content: 'ID=debian\nVERSION_ID="12"\nPRETTY_NAME="Debian GNU/Linux 12"\n' },
  { name: 'app/node_modules/left-pad/package.json', content: '{"name":"left-pad","version":"1.3.0"}' },
  { name: 'app/node_modules/lodash/package.json', content: '{"name":"lodash","version":"4.17.11"}' },
];
const now = (): Date => new Date();

let store: ServiceStore;
let queue: InProcessQueue;
let handlers: RunningHandlers | undefined;
let uploads: UploadService;
let accountId: string;
const archives: Record<'oci-archive' | 'docker-archive', string> = {
  'oci-archive': join(root, 'oci.tar'),
  'docker-archive': join(root, 'docker.tar'),
};

beforeAll(async () => {
  await writeOciLayout(join(root, 'layout'), { layers: [{ entries: FILES }], tag: 'v1' });
  execFileSync('tar', ['-cf', archives['oci-archive'], '-C', join(root, 'layout'), '.']);
  await writeClassicDockerArchive(archives['docker-archive'], join(root, 'docker-work'), [FILES]);
  await mkdir(join(dataDir, 'uploads'), { recursive: true });
  store = await openServiceStore({ sqlitePath: join(dataDir, 'customs.db') });
  const secretBox = createSecretBox(randomBytes(32));
  accountId = (await store.accounts.create({ name: 'team', role: 'user' })).id;
  queue = new InProcessQueue({ sqlitePath: join(dataDir, 'customs.db'), pollIntervalMs: 100 });
  await queue.start();
  handlers = await startWorkers(queue, {
    store,
    vulnData: join(root, 'no-vulndb.sqlite'),
    secretBox,
    dataDir,
  });
  const registries = new RegistryService(store, secretBox, now);
  const images = new ImageService(store, queue, registries, {
    insecureRegistries: [],
    addressRule: { allowedHosts: [] },
    noDockerConfig: join(dataDir, 'no-docker-config', 'config.json'),
    now,
  });
  uploads = new UploadService(store, queue, images, { dataDir, now });
}, 60_000);

afterAll(async () => {
  await handlers?.stop();
  await queue?.stop({ timeoutMs: 5_000 });
  await store?.close();
});

describe('uploaded archives', () => {
  it.each(['oci-archive', 'docker-archive'] as const)(
    'analyzes an uploaded %s from the data dir as the library reads it',
    async (format) => {
      const uploadId = randomUUID();
      await copyFile(archives[format], uploadPath(dataDir, uploadId));
      const view = await uploads.register(accountId, uploadId, `example.test/app:${format}`);
      const image = await waitFor(`${format} analyzed`, async () => {
        const row = await store.images.get(accountId, view.imageDigest);
        if (row?.analysisStatus === 'analysis_failed') throw new Error(`failed: ${row.failureReason}`);
        return row?.analysisStatus === 'analyzed' ? row : undefined;
      });
      expect(image.origin).toMatchObject({ kind: 'archive', format, uploadId });
      const stored = await store.analyses.getSbom(view.imageDigest);
      const local = (await sbomImage(`${format}:${archives[format]}`)).sbom;
      const packages = (sbom: typeof local) =>
        sbom.packages.map((p) => `${p.type}:${p.name}@${p.version}`).sort();
      expect(packages(stored!)).toEqual(packages(local));
      expect(packages(local)).toEqual(expect.arrayContaining(['npm:left-pad@1.3.0', 'npm:lodash@4.17.11']));
      expect(stored!.distro).toMatchObject({ id: 'debian', versionId: '12' });
    },
  );
});
