import { describe, expect, it } from 'vitest';
import type { ImageConfig } from '../../source/oci-types.js';
import { findConfigSecrets } from './config-secrets.js';
import { secretsSetup } from './secrets-cataloger.js';

const setup = secretsSetup({});

describe('findConfigSecrets', () => {
  it('finds secret-looking assignments in env, labels and history, not placeholders', () => {
    const config: ImageConfig = {
      config: {
        Env: [
          'DB_PASSWORD=s3cr3t-value',
          'PASSWORD_FILE=/run/secrets/db',
          'API_TOKEN=',
          'TOKEN_TTL=3600',
          'SECRET_KEY=${SECRET_KEY}',
          'GPG_KEY=A035C8C19219BA821ECEA86B64E628F8D684696D',
          'BYPASS=on',
        ],
        Labels: { 'org.opencontainers.image.authors': 'a@example.com', api_key: 'k-12345678' },
      },
      history: [{ created_by: '/bin/sh -c #(nop) ENV DB_PASSWORD=s3cr3t-value' }, { created_by: 'RUN make' }],
    };
    const before = JSON.stringify(config);
    const { findings, redacted } = findConfigSecrets(config, setup);
    expect(findings.map((f) => f.path)).toEqual([
      'config:env/DB_PASSWORD',
      'config:label/api_key',
      'history[0]',
    ]);
    expect(findings.every((f) => !f.match.includes('s3cr3t-value') && !f.match.includes('k-12345678'))).toBe(
      true,
    );
    expect(redacted.config?.Env?.[0]).toBe('DB_PASSWORD=************');
    expect(redacted.config?.Env?.slice(1)).toEqual(config.config?.Env?.slice(1));
    expect(redacted.config?.Labels?.api_key).toBe('**********');
    expect(redacted.history?.[0]?.created_by).toBe('/bin/sh -c #(nop) ENV DB_PASSWORD=************');
    expect(redacted.history?.[1]).toEqual({ created_by: 'RUN make' });
    // The image's own config is left as it was.
    expect(JSON.stringify(config)).toBe(before);
  });

  it('returns the config itself when it holds no secret', () => {
    const config: ImageConfig = { config: { Env: ['PATH=/usr/bin'] }, history: [{ created_by: 'RUN true' }] };
    const result = findConfigSecrets(config, setup);
    expect(result.findings).toEqual([]);
    expect(result.redacted).toBe(config);
  });
});
