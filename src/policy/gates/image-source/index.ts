import { isLayerPrefix, normaliseDiffId, sbomDiffIds } from '../../../provenance/index.js';
import { listParam } from '../../trigger-params/read-params.js';
import type { BuiltinGate, BuiltinTrigger } from '../types.js';
import { imageOrigin, registryAllowed } from './image-registry.js';

const allowedRegistries: BuiltinTrigger = {
  name: 'allowed_registries',
  description:
    'Fires when the image was not pulled from a listed registry. Images from local sources (OCI directory or archive, docker-archive, dir) have no registry and fire (fail closed).',
  params: [
    {
      name: 'registries',
      type: 'csv',
      required: true,
      description: 'Registry hosts (docker.io, ghcr.io, *.acme.io) or host/path prefixes (ghcr.io/acme).',
    },
  ],
  evaluate(context, params) {
    const registries = listParam(params, 'registries');
    const origin = imageOrigin(context.sbom);
    if (!origin) {
      const type = context.sbom.source?.type ?? 'unknown';
      return [
        {
          message: `The image comes from a local ${type} source, not from an allowed registry`,
          identity: `local:${type}`,
        },
      ];
    }
    if (registries.some((entry) => registryAllowed(entry, origin))) return [];
    return [
      {
        message: `The image comes from ${origin.registry}/${origin.repository}, which is not an allowed registry (${registries.join(', ')})`,
        identity: origin.registry,
      },
    ];
  },
};

const approvedBase: BuiltinTrigger = {
  name: 'approved_base',
  description:
    "Fires unless the image is built on the approved base image: the base's layer diffIds (docker inspect …RootFS.Layers) must be the first layers of this image. An image without layer diffIds (a dir source) cannot show its base and fires.",
  params: [
    {
      name: 'base_layers',
      type: 'csv',
      required: true,
      description: "The approved base image's layer diffIds, in order (sha256:…).",
    },
  ],
  evaluate(context, params) {
    const base = listParam(params, 'base_layers').map(normaliseDiffId);
    if (base.length === 0) return [];
    const ids = sbomDiffIds(context.sbom);
    if (!ids)
      return [
        {
          message: 'The image has no layer diffIds: its base image cannot be verified',
          identity: 'no diffIds',
        },
      ];
    if (isLayerPrefix(base, ids)) return [];
    return [
      {
        message: `The image is not built on the approved base (its first layer is ${ids[0] ?? 'none'}, the base's ${base[0]})`,
        identity: base.join(','),
      },
    ];
  },
};

/** Where the image comes from: its registry and its base image (Customs gate). */
export const imageSourceGate: BuiltinGate = {
  name: 'image_source',
  description:
    'Checks where the image comes from: the registry it was pulled from and the base image it is built on.',
  state: 'active',
  triggers: [allowedRegistries, approvedBase],
};
