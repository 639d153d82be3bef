import { describe, expect, it } from 'vitest';
import { readScanRequest } from './scan-request.js';

const digest = `sha256:${'b'.repeat(64)}`;
const basic = `Basic ${Buffer.from('robot$harbor:s3cr:et').toString('base64')}`;

describe('readScanRequest', () => {
  it('reads the registry, the pull reference by digest and the robot credentials', () => {
    expect(
      readScanRequest({
        registry: { url: 'http://127.0.0.1:5000', authorization: basic },
        artifact: {
          repository: 'library/app',
          digest,
          tag: 'v1',
          mime_type: 'application/vnd.oci.image.manifest.v1+json',
        },
      }),
    ).toEqual({
      registry: '127.0.0.1:5000',
      insecure: true,
      repository: 'library/app',
      digest,
      tag: 'v1',
      reference: `127.0.0.1:5000/library/app@${digest}`,
      credentials: { username: 'robot$harbor', password: 's3cr:et' },
    });
  });

  it('takes a request without credentials over https', () => {
    const target = readScanRequest({
      registry: { url: 'https://core.harbor.domain' },
      artifact: { repository: 'a/b', digest },
    });
    expect(target).toMatchObject({
      registry: 'core.harbor.domain',
      insecure: false,
      reference: `core.harbor.domain/a/b@${digest}`,
    });
    expect(target).not.toHaveProperty('credentials');
  });

  it('reports every problem with its path', () => {
    const result = readScanRequest({
      registry: { url: 'ftp://x', authorization: 'Bearer abc' },
      artifact: { repository: 'a', digest },
    });
    expect(result).toEqual({
      problems: [
        expect.objectContaining({ path: '$.registry.url', message: expect.stringContaining('http') }),
        expect.objectContaining({
          path: '$.registry.authorization',
          message: expect.stringContaining('Basic'),
        }),
      ],
    });
    const shape = readScanRequest({ artifact: { repository: '', digest: 'sha256:short' } });
    expect('problems' in shape && shape.problems.map((p) => p.path)).toEqual(
      expect.arrayContaining(['$.registry', '$.artifact.repository', '$.artifact.digest']),
    );
  });

  it('refuses a request for an SBOM report only', () => {
    const result = readScanRequest({
      registry: { url: 'https://r' },
      artifact: { repository: 'a', digest },
      enabled_capabilities: [{ type: 'sbom' }],
    });
    expect(result).toEqual({ problems: [expect.objectContaining({ path: '$.enabled_capabilities' })] });
  });

  it('never echoes the credentials in a problem', () => {
    const secret = Buffer.from('nocolon').toString('base64');
    const result = readScanRequest({
      registry: { url: 'https://r', authorization: `Basic ${secret}` },
      artifact: { repository: 'a', digest },
    });
    expect(JSON.stringify(result)).not.toContain(secret);
  });
});
