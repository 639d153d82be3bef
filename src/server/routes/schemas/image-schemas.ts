import { Type } from '@sinclair/typebox';
import { AnalysisStatusSchema, SeverityCountsSchema } from './common-schemas.js';

/** Customs: what the overview shows of an image (its last evaluation and newest trend row). */
export const ImageSummarySchema = Type.Object(
  {
    grade: Type.Optional(Type.String({ description: 'Health grade A-F of the last evaluation' })),
    policy: Type.Optional(
      Type.Object({
        policy_id: Type.String(),
        tag: Type.String(),
        final_action: Type.String(),
        status: Type.Union([Type.Literal('pass'), Type.Literal('fail')]),
        gate: Type.Optional(Type.String({ description: 'The gate that decided a stop or warn' })),
        trigger: Type.Optional(Type.String()),
        evaluated_at: Type.String(),
      }),
    ),
    vulnerabilities: Type.Optional(
      Type.Object({ counts: SeverityCountsSchema, kev: Type.Integer(), recorded_at: Type.String() }),
    ),
  },
  { $id: 'ImageSummary' },
);

export const ImageSchema = Type.Object(
  {
    imageDigest: Type.String(),
    image_status: Type.Literal('active'),
    analysis_status: AnalysisStatusSchema,
    failure_reason: Type.Optional(Type.String()),
    annotations: Type.Record(Type.String(), Type.String()),
    origin: Type.Object({
      kind: Type.Union([Type.Literal('registry'), Type.Literal('archive'), Type.Literal('sbom')]),
      reference: Type.Optional(Type.String()),
      format: Type.Optional(Type.String()),
    }),
    image_content: Type.Object({
      metadata: Type.Object({
        arch: Type.Optional(Type.String()),
        os: Type.Optional(Type.String()),
        distro: Type.Optional(Type.String()),
        distro_version: Type.Optional(Type.String()),
        image_size: Type.Optional(Type.Integer()),
        layer_count: Type.Optional(Type.Integer()),
      }),
    }),
    image_detail: Type.Array(
      Type.Object({
        registry: Type.String(),
        repo: Type.String(),
        tag: Type.String(),
        fulltag: Type.String(),
        created_at: Type.String(),
      }),
    ),
    created_at: Type.String(),
    last_updated: Type.String(),
    analyzed_at: Type.Optional(Type.String()),
    summary: Type.Optional(Type.Ref('ImageSummary')),
  },
  { $id: 'Image' },
);

export const AddImageBody = Type.Object(
  {
    source: Type.Object(
      {
        tag: Type.Optional(
          Type.Object({ pullstring: Type.String({ minLength: 1 }) }, { additionalProperties: false }),
        ),
        digest: Type.Optional(
          Type.Object(
            { pullstring: Type.String({ minLength: 1 }), tag: Type.Optional(Type.String({ minLength: 1 })) },
            { additionalProperties: false },
          ),
        ),
      },
      { additionalProperties: false, minProperties: 1, maxProperties: 1 },
    ),
    annotations: Type.Optional(Type.Record(Type.String(), Type.String())),
  },
  { additionalProperties: false },
);

export const ImageListSchema = Type.Object({
  images: Type.Array(Type.Ref('Image')),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});
