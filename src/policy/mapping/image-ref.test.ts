import { describe, expect, it } from 'vitest';
import { PolicyError } from '../../errors/index.js';
import { fullTag, parseImageReference, unnamedImage } from './image-ref.js';

const DIGEST = `sha256:${'a'.repeat(64)}`;

describe('parseImageReference', () => {
  it.each([
    ['nginx', 'docker.io/library/nginx:latest'],
    ['nginx:1.25', 'docker.io/library/nginx:1.25'],
    ['library/nginx', 'docker.io/library/nginx:latest'],
    ['acme/base:v3', 'docker.io/acme/base:v3'],
    ['docker.io/acme/base:v3', 'docker.io/acme/base:v3'],
    ['index.docker.io/nginx', 'docker.io/library/nginx:latest'],
    ['registry.acme.io/web', 'registry.acme.io/web:latest'],
    ['registry.acme.io/payments/api:2', 'registry.acme.io/payments/api:2'],
    ['localhost:5000/app:dev', 'localhost:5000/app:dev'],
    ['localhost/app', 'localhost/app:latest'],
    ['REGISTRY.Acme.io/web', 'registry.acme.io/web:latest'],
    [`ghcr.io/o/a@${DIGEST}`, 'ghcr.io/o/a:*'],
    [`ghcr.io/o/a:1.0@${DIGEST}`, 'ghcr.io/o/a:1.0'],
  ])('%s → %s', (reference, expected) => {
    expect(fullTag(parseImageReference(reference))).toBe(expected);
  });

  it('keeps the digest of a digest reference', () => {
    expect(parseImageReference(`ghcr.io/o/a@${DIGEST}`)).toEqual({
      registry: 'ghcr.io',
      repository: 'o/a',
      tag: '*',
      digest: DIGEST,
    });
    expect(fullTag(parseImageReference(`ghcr.io/o/a:1@${DIGEST}`), true)).toBe(`ghcr.io/o/a:1@${DIGEST}`);
  });

  it.each(['', 'Nginx', 'acme/Base:v3', 'nginx:bad tag', 'nginx@sha256:xyz', 'a//b', 'registry.io/'])(
    'rejects %j with a PolicyError',
    (reference) => {
      expect(() => parseImageReference(reference)).toThrow(PolicyError);
      expect(() => parseImageReference(reference)).toThrow(/^not an image reference: /);
    },
  );

  it('stands in */*:* for an image with no name', () => {
    expect(fullTag(unnamedImage({ digest: DIGEST }))).toBe('*/*:*');
    expect(unnamedImage({ digest: DIGEST }).digest).toBe(DIGEST);
  });
});
