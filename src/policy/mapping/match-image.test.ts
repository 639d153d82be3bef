import { describe, expect, it } from 'vitest';
import { readBundle } from '../bundle/read-bundle.js';
import { REFERENCE_GATES } from '../bundle/testdata/reference-gates.js';
import { workedExample } from '../bundle/testdata/worked-example.js';
import type { ImageSelector } from '../types.js';
import { type ImageUnderTest, parseImageReference, unnamedImage } from './image-ref.js';
import { allowedImageMatch, deniedImageMatch, firstMapping, matchImage } from './match-image.js';

const byTag = (registry = '*', repository = '*', tag = '*'): ImageSelector => ({
  registry,
  repository,
  image: { type: 'tag', value: tag },
});
const byDigest = (value: string, registry = '*', repository = '*'): ImageSelector => ({
  registry,
  repository,
  image: { type: 'digest', value },
});
const byId = (value: string, registry = '*', repository = '*'): ImageSelector => ({
  registry,
  repository,
  image: { type: 'id', value },
});

const image = (registry: string, repository: string, tag: string): ImageUnderTest => ({
  registry,
  repository,
  tag,
  digest: 'sha256:123abc',
  imageId: '0',
});
const NGINX = image('docker.io', 'nginx', 'latest');
const UNTAGGED = { ...unnamedImage(), digest: 'sha256:123abc', imageId: '0' };

describe('matchImage', () => {
  it.each([
    ['everything', byTag(), NGINX, true],
    ['everything, image without a tag', byTag(), UNTAGGED, true],
    ['a tag rule, image without a tag', byTag('*', '*', 'latest'), UNTAGGED, false],
    ['other registry', byTag('gcr.io'), NGINX, false],
    ['other repository', byTag('*', 'mysql'), NGINX, false],
    ['other tag', byTag('docker.io', 'mysql', 'latest'), image('docker.io', 'mysql', 'alpine'), false],
    ['tag wildcard', byTag('*', '*', '*-dev'), image('docker.io', 'nginx', '1.8-dev'), true],
    ['registry only', byTag('docker.io'), NGINX, true],
    ['registry and repository', byTag('docker.io', 'nginx'), NGINX, true],
    ['no library/ added by the matcher', byTag('docker.io', 'library/nginx'), NGINX, false],
    [
      'exact',
      byTag('docker.io', 'library/nginx', 'latest'),
      image('docker.io', 'library/nginx', 'latest'),
      true,
    ],
    ['digest', byDigest('sha256:123abc'), NGINX, true],
    ['digest, other registry', byDigest('sha256:123abc', 'gcr.io'), NGINX, false],
    ['digest, other repository', byDigest('sha256:123abc', '*', 'mysql'), NGINX, false],
    ['digest, untagged, repository required', byDigest('sha256:123abc', '*', 'mysql'), UNTAGGED, false],
    ['digest, untagged', byDigest('sha256:123abc'), UNTAGGED, true],
    ['other digest', byDigest('sha256:123abd'), NGINX, false],
    ['digests are not globs', byDigest('sha256:*'), NGINX, false],
    ['id', byId('0'), NGINX, true],
    ['other id', byId('1'), NGINX, false],
    ['id, untagged', byId('0'), UNTAGGED, true],
    ['id, other registry', byId('0', 'gcr.io'), NGINX, false],
  ])('%s', (_, selector, candidate, expected) => {
    expect(matchImage(selector, candidate)).toBe(expected);
  });

  it('compares ids with or without sha256:', () => {
    const candidate = { ...NGINX, imageId: 'sha256:beef' };
    expect(matchImage(byId('beef'), candidate)).toBe(true);
    expect(matchImage(byId('sha256:beef'), { ...NGINX, imageId: 'beef' })).toBe(true);
    expect(matchImage(byId('bee'), candidate)).toBe(false);
  });

  it('never matches a digest or id the image does not have', () => {
    const bare: ImageUnderTest = { registry: 'docker.io', repository: 'library/nginx', tag: 'latest' };
    expect(matchImage(byDigest('sha256:123abc'), bare)).toBe(false);
    expect(matchImage(byId('0'), bare)).toBe(false);
  });
});

describe('the worked example', () => {
  const { bundle, problems } = readBundle(workedExample(), REFERENCE_GATES);

  it('validates', () => {
    expect(problems).toEqual([]);
  });

  it('denies registry.acme.io/web:latest', () => {
    const web = parseImageReference('registry.acme.io/web:latest');
    expect(deniedImageMatch(bundle, web)?.id).toBe('b1');
    expect(allowedImageMatch(bundle, web)).toBeUndefined();
  });

  it('allows docker.io/acme/base:v3', () => {
    const base = parseImageReference('docker.io/acme/base:v3');
    expect(deniedImageMatch(bundle, base)).toBeUndefined();
    expect(allowedImageMatch(bundle, base)?.id).toBe('t1');
  });

  it.each(['nginx', 'registry.acme.io/web:1.0', 'acme/base:latest', 'registry.acme.io/payments/api:2'])(
    'maps %s to m2',
    (reference) => {
      const other = parseImageReference(reference);
      expect(deniedImageMatch(bundle, other)).toBeUndefined();
      expect(allowedImageMatch(bundle, other)).toBeUndefined();
      expect(firstMapping(bundle, other)?.id).toBe('m2');
      expect(firstMapping(bundle, other)?.policy_ids).toEqual(['pol-base', 'pol-size']);
    },
  );

  it('maps the pinned payments digest to m1, first match winning over m2', () => {
    const pinned = { ...parseImageReference('registry.acme.io/payments/api:2'), digest: 'sha256:aaaa' };
    expect(firstMapping(bundle, pinned)?.id).toBe('m1');
  });

  it('maps nothing when no mapping matches', () => {
    const onlyM1 = { ...bundle, mappings: bundle.mappings.slice(0, 1) };
    expect(firstMapping(onlyM1, parseImageReference('nginx'))).toBeUndefined();
  });
});
