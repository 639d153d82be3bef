import { Type } from '@sinclair/typebox';
import { PACKAGE_TYPES } from '../model/package.js';

/** The pieces of an SBOM document below its top level: where things were found and what they are. */

export const LocationSchema = Type.Object(
  {
    path: Type.String({ description: 'A path inside the image.' }),
    layer: Type.Optional(
      Type.String({ description: 'Digest of the layer (its diffId where known, else the blob digest).' }),
    ),
    layerIndex: Type.Optional(Type.Integer({ minimum: 0, description: '0-based index of the layer.' })),
  },
  { description: 'Where something was found: a path inside the image, and the layer that put it there.' },
);

/** The model's one list of package types (the schema must not keep a copy that can drift). */
export const PACKAGE_TYPE_NAMES = PACKAGE_TYPES;

export const PackageTypeSchema = Type.Union(PACKAGE_TYPE_NAMES.map((name) => Type.Literal(name)));

export const DpkgMetadataSchema = Type.Object({
  package: Type.String(),
  source: Type.Optional(Type.String()),
  sourceVersion: Type.Optional(Type.String()),
  version: Type.String(),
  architecture: Type.Optional(Type.String()),
  maintainer: Type.Optional(Type.String()),
  installedSize: Type.Optional(Type.Number()),
  depends: Type.Optional(Type.Array(Type.String())),
  preDepends: Type.Optional(Type.Array(Type.String())),
  provides: Type.Optional(Type.Array(Type.String())),
  files: Type.Optional(
    Type.Array(Type.String(), { description: "Files the package owns, from dpkg's info/*.list or md5sums." }),
  ),
});

export const PackageSchema = Type.Object({
  id: Type.String({ description: 'Stable identity within one SBOM.' }),
  name: Type.String(),
  version: Type.String(),
  type: PackageTypeSchema,
  purl: Type.Optional(Type.String()),
  licenses: Type.Optional(Type.Array(Type.String())),
  locations: Type.Array(LocationSchema),
  foundBy: Type.String({ description: 'The cataloger that found it.' }),
  metadata: Type.Optional(
    Type.Union([DpkgMetadataSchema, Type.Record(Type.String(), Type.Unknown())], {
      description: 'Ecosystem-specific details (dpkg metadata for deb; each cataloger documents its own).',
    }),
  ),
  ownedBy: Type.Optional(
    Type.String({ description: 'For a language package whose files an OS package owns: that package id.' }),
  ),
});

export const DistroSchema = Type.Object(
  {
    id: Type.String({ description: 'os-release ID, lowercase: debian, ubuntu, alpine, rhel, ...' }),
    versionId: Type.String({ description: 'os-release VERSION_ID; empty when the release has none.' }),
    versionCodename: Type.Optional(Type.String()),
    name: Type.Optional(Type.String()),
    prettyName: Type.Optional(Type.String()),
    idLike: Type.Optional(Type.Array(Type.String())),
    source: Type.Optional(Type.String({ description: 'Which file the answer came from.' })),
  },
  { description: 'The Linux distribution an image is built on, as its release files say.' },
);

export const FileTypeSchema = Type.Union(
  (['file', 'dir', 'symlink', 'hardlink', 'char', 'block', 'fifo', 'other'] as const).map((t) =>
    Type.Literal(t),
  ),
);

export const FileEntrySchema = Type.Object({
  path: Type.String(),
  type: FileTypeSchema,
  mode: Type.Integer({ description: 'Permission and special bits as a number (0o4755 is 2541).' }),
  modeText: Type.String({ description: 'The mode in octal.' }),
  uid: Type.Integer(),
  gid: Type.Integer(),
  size: Type.Number(),
  sha256: Type.Optional(Type.String()),
  linkTarget: Type.Optional(Type.String()),
  layer: Type.Optional(Type.String()),
  layerIndex: Type.Optional(Type.Integer({ minimum: 0 })),
  flags: Type.Optional(
    Type.Array(
      Type.Union((['setuid', 'setgid', 'world-writable', 'sticky'] as const).map((f) => Type.Literal(f))),
    ),
  ),
  ownedBy: Type.Optional(Type.Array(Type.String(), { description: 'Ids of packages that own this file.' })),
});

export const RetrievedFileSchema = Type.Object({
  path: Type.String(),
  layer: Type.Optional(Type.String()),
  contentBase64: Type.String({ description: 'Base64 of the (possibly truncated) content.' }),
  size: Type.Number(),
  truncated: Type.Boolean(),
});

export const ContentMatchSchema = Type.Object({
  path: Type.String(),
  layer: Type.Optional(Type.String()),
  name: Type.String(),
  lines: Type.Array(Type.Integer({ minimum: 1 }), {
    description: '1-based line numbers of the first matches.',
  }),
});

export const MalwareFindingSchema = Type.Object({
  path: Type.String(),
  layer: Type.Optional(Type.String()),
  signature: Type.String(),
  scanner: Type.Literal('clamav'),
});

export const SecretFindingSchema = Type.Object(
  {
    ruleId: Type.String(),
    category: Type.String(),
    title: Type.String(),
    severity: Type.Union((['CRITICAL', 'HIGH', 'MEDIUM', 'LOW'] as const).map((s) => Type.Literal(s))),
    path: Type.String(),
    layer: Type.Optional(Type.String()),
    layerIndex: Type.Optional(Type.Integer({ minimum: 0 })),
    line: Type.Integer({ minimum: 1, description: '1-based line number.' }),
    match: Type.String({ description: 'The matching line with the secret replaced by asterisks.' }),
  },
  { description: 'A credential found in a file: only its redacted form is kept.' },
);

export const UnknownSchema = Type.Object(
  {
    path: Type.String(),
    layer: Type.Optional(Type.String()),
    cataloger: Type.Optional(Type.String()),
    message: Type.String(),
  },
  { description: 'A located parse failure: the scan went on.' },
);

export const UserAccountSchema = Type.Object({
  name: Type.String(),
  uid: Type.Integer(),
  gid: Type.Integer(),
  gecos: Type.Optional(Type.String()),
  home: Type.Optional(Type.String()),
  shell: Type.Optional(Type.String()),
  groups: Type.Array(Type.String(), { description: 'Groups the user belongs to (primary first).' }),
  emptyPassword: Type.Optional(Type.Boolean()),
  locked: Type.Optional(Type.Boolean()),
  loginShell: Type.Boolean(),
});

export const GroupEntrySchema = Type.Object({
  name: Type.String(),
  gid: Type.Integer(),
  members: Type.Array(Type.String()),
});
