import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { sizeInBytes } from './image-attributes.js';
import { metadataGate } from './index.js';

// The helper image: 2 layers of 1024 + 2048 bytes, amd64/linux, debian 12.
const context = gateContext();
const ubuntu = gateContext(policySbom({ distro: { id: 'ubuntu', versionId: '22.04', idLike: ['debian'] } }));
const dirSource = gateContext(
  policySbom({ image: null, distro: null, source: { type: 'dir', reference: '/x', layers: [] } }),
);

const cases: [string, Record<string, ParamValue>, boolean, GateContext?][] = [
  ['size > 2kb fires (3 KiB)', { attribute: 'size', check: '>', value: '2kb' }, true],
  ['size > 3kb does not fire', { attribute: 'size', check: '>', value: '3kb' }, false],
  ['size >= 3kb fires', { attribute: 'size', check: '>=', value: '3KB' }, true],
  ['size < 1mb fires', { attribute: 'size', check: '<', value: '1mb' }, true],
  ['size with a bad value does not fire', { attribute: 'size', check: '>', value: 'big' }, false],
  ['layer_count = 2 fires', { attribute: 'layer_count', check: '=', value: '2' }, true],
  ['layer_count <= 1 does not fire', { attribute: 'layer_count', check: '<=', value: '1' }, false],
  ['architecture = amd64 fires', { attribute: 'architecture', check: '=', value: 'amd64' }, true],
  ['architecture != amd64 does not fire', { attribute: 'architecture', check: '!=', value: 'amd64' }, false],
  ['os_type in linux,windows fires', { attribute: 'os_type', check: 'in', value: 'windows,linux' }, true],
  ['distro not_in debian does not fire', { attribute: 'distro', check: 'not_in', value: 'debian' }, false],
  ['distro_version > 9 compares numerically', { attribute: 'distro_version', check: '>', value: '9' }, true],
  ['distro like deb.* fires', { attribute: 'distro', check: 'like', value: 'deb.*' }, true],
  ['distro not_like ubuntu fires', { attribute: 'distro', check: 'not_like', value: 'ubuntu' }, true],
  ['like_distro falls back to the distro', { attribute: 'like_distro', check: '=', value: 'debian' }, true],
  ['like_distro reads ID_LIKE', { attribute: 'like_distro', check: '=', value: 'debian' }, true, ubuntu],
  ['architecture exists fires', { attribute: 'architecture', check: 'exists' }, true],
  [
    'architecture not_exists fires for a dir source',
    { attribute: 'architecture', check: 'not_exists' },
    true,
    dirSource,
  ],
  [
    'distro = debian does not fire for a dir source without distro',
    { attribute: 'distro', check: '=', value: 'debian' },
    false,
    dirSource,
  ],
];

describe('metadata gate', () => {
  it.each(cases)('%s', (_, params, fires, other) => {
    expect(fire(metadataGate, 'attribute', other ?? context, params).length).toBe(fires ? 1 : 0);
  });

  it('reads sizes 1024-based', () => {
    expect(sizeInBytes('2gb')).toBe(2 * 1024 ** 3);
    expect(sizeInBytes('512')).toBe(512);
    expect(sizeInBytes('1.5kb')).toBe(1536);
    expect(sizeInBytes('2 GB')).toBe(2 * 1024 ** 3);
    expect(sizeInBytes('lots')).toBeUndefined();
  });
});
