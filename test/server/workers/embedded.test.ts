// The embedded mode: one `startService` with no database URL runs the API and the job handlers
// (in-process queue in the SQLite store), so an image added through the API gets analyzed.
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type RunningService } from '../../../src/server/app/start-service.js';
import { writeOciLayout } from '../../helpers/oci-builder.js';
import { tempDir } from '../../helpers/temp-dir.js';
import { startRegistry, type RunningRegistry } from '../../registry/registry-harness.js';
import { pushOci, waitFor } from './worker-fixtures.js';

const dir = tempDir('customs-embedded-');
const adminKey = `cus_${randomBytes(8).toString('hex')}_${randomBytes(24).toString('base64url')}`;
const headers = { authorization: `Bearer ${adminKey}`, 'content-type': 'application/json' };
let registry: RunningRegistry;
let service: RunningService;

beforeAll(async () => {
  registry = await startRegistry();
  await writeOciLayout(join(dir, 'layout'), {
    tag: 'v1',
    layers: [
      {
        entries: [
          {
            name: 'usr/lib/node_modules/left-pad/package.json',
            content: JSON.stringify({ name: 'left-pad', version: '1.3.0' }),
          },
        ],
      },
    ],
  });
  await pushOci(join(dir, 'layout'), 'v1', `${registry.host}/embedded/app:v1`);
  service = await startService({
    port: 0,
    dataDir: join(dir, 'data'),
    vulnDb: join(dir, 'no-vulns.db'),
    insecureRegistries: [registry.host],
    adminKey,
    logger: pino({ level: 'silent' }),
    env: { CUSTOMS_SECRET_KEY: randomBytes(32).toString('base64') },
  });
}, 60_000);

afterAll(async () => {
  await service?.close();
  await registry?.stop();
});

describe('customs serve without --database-url', () => {
  it('analyzes an image added through the API in the same process', async () => {
    const res = await fetch(`${service.address}/v1/images`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ source: { tag: { pullstring: `${registry.host}/embedded/app:v1` } } }),
    });
    expect(res.status).toBe(200);
    const { imageDigest } = (await res.json()) as { imageDigest: string };
    const image = await waitFor('the analysis', async () => {
      const view = (await (
        await fetch(`${service.address}/v1/images/${imageDigest}`, { headers })
      ).json()) as {
        analysis_status: string;
        image_content: { metadata: { layer_count?: number } };
      };
      return view.analysis_status === 'analyzed' ? view : undefined;
    });
    expect(image.image_content.metadata.layer_count).toBe(1);
    const content = await fetch(`${service.address}/v1/images/${imageDigest}/content/npm`, { headers });
    expect(content.status).toBe(200);
    expect(JSON.stringify(await content.json())).toContain('left-pad');
  }, 30_000);
});
