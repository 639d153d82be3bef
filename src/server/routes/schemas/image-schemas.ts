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

const DIGEST = { description: 'Manifest digest, sha256:…' };

/** Customs: a known image as provenance names it. */
export const ProvenanceImageSchema = Type.Object(
  {
    digest: Type.String(DIGEST),
    registry: Type.Optional(
      Type.String({ description: "From a registry image's pull reference; absent for uploads" }),
    ),
    repository: Type.Optional(Type.String()),
    tags: Type.Array(Type.String(), { description: 'Full tags the account gave the image' }),
  },
  { $id: 'ProvenanceImage' },
);

const provenanceImage = Type.Ref('ProvenanceImage');

/** Customs: where an analyzed image comes from and the chain of known images it is built on. */
export const ProvenanceSchema = Type.Object(
  {
    ...ProvenanceImageSchema.properties,
    layer_count: Type.Optional(
      Type.Integer({ description: 'Absent when the SBOM does not know every layer diffId' }),
    ),
    base_images: Type.Array(
      Type.Object({
        layer_count: Type.Integer({ description: "The base's layers: the image's first layer_count" }),
        layers_added: Type.Integer({ description: 'Layers it adds above the previous base' }),
        images: Type.Array(provenanceImage, {
          description: 'Every known image with exactly these layers, ordered by digest',
        }),
      }),
      {
        description:
          "The account's analyzed images whose layer diffIds are the first layers of this one, outermost base first",
      },
    ),
    own_layers: Type.Optional(
      Type.Object({
        first_index: Type.Integer(),
        count: Type.Integer(),
        diff_ids: Type.Array(Type.String()),
      }),
    ),
    same_layers: Type.Array(provenanceImage, {
      description: 'Other images of the account with exactly these layers',
    }),
  },
  { $id: 'Provenance' },
);

export const DerivedImagesSchema = Type.Object({
  imageDigest: Type.String(DIGEST),
  layer_count: Type.Integer(),
  images: Type.Array(
    Type.Object({
      ...ProvenanceImageSchema.properties,
      layer_count: Type.Integer(),
      layers_added: Type.Integer({ description: 'Layers above those of the image asked about' }),
      direct: Type.Boolean({ description: 'No other known image lies between the two' }),
    }),
    { description: 'Fewest layers first, then by digest' },
  ),
  total: Type.Integer(),
  page: Type.Integer(),
  limit: Type.Integer(),
});

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
    provenance: Type.Optional(Type.Ref('Provenance')),
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
