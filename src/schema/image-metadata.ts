import { Type } from '@sinclair/typebox';

/** What an SBOM says about the image itself: its configuration, history and layers. */

export const LayerInfoSchema = Type.Object({
  index: Type.Integer({ minimum: 0 }),
  digest: Type.String(),
  diffId: Type.Optional(Type.String()),
  mediaType: Type.String(),
  size: Type.Number({ description: 'Stored (compressed) size in bytes.' }),
  createdBy: Type.Optional(Type.String({ description: 'The history entry that created this layer.' })),
});

export const HistoryEntrySchema = Type.Object({
  created: Type.Optional(Type.String()),
  created_by: Type.Optional(Type.String()),
  author: Type.Optional(Type.String()),
  comment: Type.Optional(Type.String()),
  empty_layer: Type.Optional(Type.Boolean()),
});

export const ImageConfigSummarySchema = Type.Object({
  user: Type.Optional(Type.String()),
  env: Type.Array(Type.String()),
  exposedPorts: Type.Array(Type.String()),
  entrypoint: Type.Optional(Type.Array(Type.String())),
  cmd: Type.Optional(Type.Array(Type.String())),
  labels: Type.Record(Type.String(), Type.String()),
  workingDir: Type.Optional(Type.String()),
  healthcheck: Type.Optional(
    Type.Object({
      test: Type.Array(Type.String()),
      interval: Type.Optional(Type.Number()),
      timeout: Type.Optional(Type.Number()),
      startPeriod: Type.Optional(Type.Number()),
      retries: Type.Optional(Type.Number()),
    }),
  ),
  volumes: Type.Array(Type.String()),
  stopSignal: Type.Optional(Type.String()),
});

export const ImageMetadataSchema = Type.Object({
  architecture: Type.Optional(Type.String()),
  os: Type.Optional(Type.String()),
  variant: Type.Optional(Type.String()),
  created: Type.Optional(Type.String()),
  config: ImageConfigSummarySchema,
  history: Type.Array(HistoryEntrySchema),
  dockerfile: Type.String({ description: 'A Dockerfile reconstructed from history.' }),
  layers: Type.Array(LayerInfoSchema),
});
