import { type Static, Type } from '@sinclair/typebox';
import { ImageMetadataSchema } from './image-metadata.js';
import {
  ContentMatchSchema,
  DistroSchema,
  FileEntrySchema,
  GroupEntrySchema,
  MalwareFindingSchema,
  PackageSchema,
  RetrievedFileSchema,
  SecretFindingSchema,
  UnknownSchema,
  UserAccountSchema,
} from './sbom-parts.js';

/** Who wrote a result document, and when. */
export const DescriptorSchema = Type.Object({
  name: Type.Literal('customs'),
  version: Type.String(),
  timestamp: Type.String({ description: 'When the document was made (ISO 8601).' }),
});

export const SourceTypeSchema = Type.Union(
  (['registry', 'oci-dir', 'oci-archive', 'docker-archive', 'dir'] as const).map((t) => Type.Literal(t)),
);

export const SbomSourceSchema = Type.Object({
  type: SourceTypeSchema,
  reference: Type.String(),
  digest: Type.Optional(
    Type.String({
      description: 'Manifest digest for image sources; for dir:, a digest of the tree listing.',
    }),
  ),
  indexDigest: Type.Optional(Type.String()),
  configDigest: Type.Optional(Type.String()),
  tags: Type.Optional(Type.Array(Type.String())),
  layers: Type.Array(
    Type.Object({
      index: Type.Integer({ minimum: 0 }),
      digest: Type.String(),
      diffId: Type.Optional(Type.String()),
      mediaType: Type.String(),
      size: Type.Number(),
    }),
  ),
});

export const RelationshipSchema = Type.Object({
  from: Type.String(),
  to: Type.String(),
  type: Type.Union([Type.Literal('owns'), Type.Literal('depends-on'), Type.Literal('contains')]),
});

/** `customs sbom -o json`: the one model every SBOM format encodes. Fields are only ever added. */
export const SbomSchema = Type.Object(
  {
    schema: Type.Literal('customs-sbom/1'),
    descriptor: DescriptorSchema,
    scope: Type.Union([Type.Literal('squashed'), Type.Literal('all-layers')]),
    source: SbomSourceSchema,
    distro: Type.Union([DistroSchema, Type.Null()]),
    packages: Type.Array(PackageSchema),
    relationships: Type.Array(RelationshipSchema),
    image: Type.Union([ImageMetadataSchema, Type.Null()]),
    files: Type.Array(FileEntrySchema, {
      description: 'Files of note: setuid/setgid and world-writable by default; every file with --files all.',
    }),
    secrets: Type.Array(SecretFindingSchema),
    users: Type.Array(UserAccountSchema),
    groups: Type.Array(GroupEntrySchema),
    retrievedFiles: Type.Array(RetrievedFileSchema),
    contentMatches: Type.Array(ContentMatchSchema),
    malware: Type.Array(MalwareFindingSchema),
    malwareScanned: Type.Optional(
      Type.Boolean({ description: 'True when a malware scanner ran, so an empty malware list means clean.' }),
    ),
    unknowns: Type.Array(UnknownSchema),
    warnings: Type.Array(Type.String()),
  },
  { title: 'Customs SBOM (customs-sbom/1)' },
);

export type SbomDocument = Static<typeof SbomSchema>;
