import { describe, expect, it } from 'vitest';
import { fire, gateContext, policySbom } from '../../../../test/helpers/policy-sbom.js';
import type { GateContext, ParamValue } from '../types.js';
import { imageSourceGate } from './index.js';

const B = 'sha256:' + 'b'.repeat(64);
const C = 'sha256:' + 'c'.repeat(64);
const hub = gateContext();
const fromRef = (reference: string): GateContext =>
  gateContext(policySbom({ source: { ...policySbom().source, type: 'registry', reference } }));
const local = gateContext(
  policySbom({ source: { ...policySbom().source, type: 'oci-dir', reference: '/tmp/oci:x' } }),
);
const dir = gateContext(
  policySbom({
    source: {
      type: 'dir',
      reference: '/tmp/root',
      layers: [{ index: 0, digest: B, mediaType: 'x', size: 1 }],
    },
  }),
);

const cases: [string, string, Record<string, ParamValue>, string[], GateContext?][] = [
  [
    'allowed_registries does not fire for a listed registry',
    'allowed_registries',
    { registries: ['docker.io'] },
    [],
  ],
  [
    'allowed_registries treats index.docker.io as docker.io',
    'allowed_registries',
    { registries: ['index.docker.io'] },
    [],
  ],
  [
    'allowed_registries fires for an unlisted registry',
    'allowed_registries',
    { registries: ['ghcr.io'] },
    ['docker.io'],
  ],
  [
    'allowed_registries normalises a short name to docker.io',
    'allowed_registries',
    { registries: ['docker.io'] },
    [],
    fromRef('debian:12'),
  ],
  [
    'allowed_registries accepts * in hosts',
    'allowed_registries',
    { registries: ['*.acme.io'] },
    [],
    fromRef('registry.acme.io/web:1'),
  ],
  [
    'allowed_registries host/path allows only that path',
    'allowed_registries',
    { registries: ['ghcr.io/acme'] },
    [],
    fromRef('ghcr.io/acme/web:1'),
  ],
  [
    'allowed_registries host/path refuses other paths',
    'allowed_registries',
    { registries: ['ghcr.io/acme'] },
    ['ghcr.io'],
    fromRef('ghcr.io/acmex/web:1'),
  ],
  [
    'allowed_registries fires for a local source (fail closed)',
    'allowed_registries',
    { registries: ['docker.io'] },
    ['local:oci-dir'],
    local,
  ],
  [
    'approved_base does not fire when the base layers are a prefix',
    'approved_base',
    { base_layers: [B] },
    [],
  ],
  [
    'approved_base accepts bare hex digests',
    'approved_base',
    { base_layers: ['b'.repeat(64), 'c'.repeat(64)] },
    [],
  ],
  ['approved_base fires on another base', 'approved_base', { base_layers: [C] }, [C]],
  [
    'approved_base fires when the base has more layers than the image',
    'approved_base',
    { base_layers: [B, C, B] },
    [`${B},${C},${B}`],
  ],
  ['approved_base fires without diffIds', 'approved_base', { base_layers: [B] }, ['no diffIds'], dir],
];

describe('image_source gate', () => {
  it.each(cases)('%s', (_, trigger, params, expected, other) => {
    expect(fire(imageSourceGate, trigger, other ?? hub, params)).toEqual(expected);
  });
});
