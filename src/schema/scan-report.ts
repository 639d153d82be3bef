import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { DescriptorSchema, SbomSchema, SbomSourceSchema } from './sbom.js';
import { DistroSchema, LocationSchema, PackageTypeSchema } from './sbom-parts.js';
import {
  CvssSchema,
  DatabaseStatusSchema,
  EpssScoreSchema,
  FixStateSchema,
  KevEntrySchema,
  SeveritySchema,
} from './vulnerability.js';

export const MatchedPackageSchema = Type.Object(
  {
    id: Type.String(),
    name: Type.String(),
    version: Type.String(),
    type: PackageTypeSchema,
    purl: Type.Optional(Type.String()),
    locations: Type.Array(LocationSchema),
    ownedBy: Type.Optional(
      Type.Object(
        { name: Type.String(), version: Type.String(), type: PackageTypeSchema },
        { description: 'For an OS-owned language package: the OS package it was matched through.' },
      ),
    ),
  },
  { description: 'The package side of a match.' },
);

export const MatchDetailsSchema = Type.Object(
  {
    kind: Type.Union((['distro', 'ecosystem', 'os-owned', 'cpe'] as const).map((k) => Type.Literal(k))),
    namespace: Type.String(),
    searchedName: Type.String({ description: 'The name looked up (e.g. the Debian source package).' }),
    searchedVersion: Type.String({ description: 'The version compared (e.g. the source version).' }),
    constraint: Type.String({ description: 'The constraint that matched, human-readable.' }),
    provider: Type.String(),
    note: Type.Optional(Type.String({ description: 'Said when the match rests on something weaker.' })),
  },
  { description: 'Why the matcher says this package has this vulnerability.' },
);

export const SeveritySourceSchema = Type.Object(
  {
    source: Type.String({
      description:
        "'nvd', 'ghsa', or who wrote the matched record: a distro ('debian'), a feed ('osv', 'rubysec').",
    }),
    id: Type.String({
      description: "The id whose rating was used: the match's own, or the alias it came through.",
    }),
    cvss: Type.Optional(CvssSchema),
  },
  { description: 'Where the severity came from when the matched record had none of its own, or its own.' },
);

const vulnerabilityFields = {
  id: Type.String(),
  severity: SeveritySchema,
  severitySource: Type.Optional(SeveritySourceSchema),
  aliases: Type.Array(Type.String()),
  fix: Type.Object({ state: FixStateSchema, versions: Type.Array(Type.String()) }),
  cvss: Type.Array(CvssSchema),
  summary: Type.Optional(Type.String()),
  references: Type.Array(Type.String()),
  fixPublished: Type.Optional(Type.String({ description: 'Published date of the fix in this namespace.' })),
  published: Type.Optional(Type.String()),
};

/** The vulnerability of a match in memory: EPSS and KEV only when the database has them. */
export const MatchedVulnerabilitySchema = Type.Object({
  ...vulnerabilityFields,
  epss: Type.Optional(EpssScoreSchema),
  kev: Type.Optional(KevEntrySchema),
});

/** As `scan -o json` writes it: EPSS and KEV always there, null when the database has none. */
export const MatchedVulnerabilityDocumentSchema = Type.Object({
  ...vulnerabilityFields,
  epss: Type.Union([EpssScoreSchema, Type.Null()]),
  kev: Type.Union([KevEntrySchema, Type.Null()]),
});

const ignoreReasonSchema = Type.Object({
  by: Type.Union([Type.Literal('ignore-rule'), Type.Literal('vex'), Type.Literal('only-fixed')]),
  rule: Type.Optional(Type.String()),
  justification: Type.Optional(Type.String()),
  expires: Type.Optional(Type.String()),
});

/** Matches, ignored matches and the report around them, for a given shape of vulnerability. */
function scanSchemas<V extends TSchema>(vulnerability: V) {
  const match = Type.Object({
    vulnerability,
    package: MatchedPackageSchema,
    details: MatchDetailsSchema,
  });
  const ignoredMatch = Type.Object(
    { vulnerability, package: MatchedPackageSchema, details: MatchDetailsSchema, reason: ignoreReasonSchema },
    { description: 'A match an ignore rule, a VEX statement or --only-fixed took out of matches.' },
  );
  const report = {
    schema: Type.Literal('customs-scan/1'),
    descriptor: DescriptorSchema,
    source: SbomSourceSchema,
    distro: Type.Union([DistroSchema, Type.Null()]),
    matches: Type.Array(match),
    ignoredMatches: Type.Array(ignoredMatch),
    database: DatabaseStatusSchema,
    osPackagesUnchecked: Type.Optional(
      Type.Integer({
        minimum: 0,
        description: 'OS packages not checked because the database has no data for the distro.',
      }),
    ),
    coverage: Type.Optional(
      Type.Object({
        packagesChecked: Type.Integer({ minimum: 0 }),
        packagesWithoutData: Type.Integer({ minimum: 0 }),
      }),
    ),
    warnings: Type.Array(Type.String()),
  };
  return { match, ignoredMatch, report };
}

const model = scanSchemas(MatchedVulnerabilitySchema);
const document = scanSchemas(MatchedVulnerabilityDocumentSchema);

export const MatchSchema = model.match;
export const IgnoredMatchSchema = model.ignoredMatch;

/** The scan report in memory: the document's fields plus the SBOM that was matched. */
export const ScanReportSchema = Type.Object({ ...model.report, sbom: SbomSchema });

/** `customs scan -o json`: the scan report without the SBOM. Fields are only ever added. */
export const ScanReportDocumentSchema = Type.Object(document.report, {
  title: 'Customs scan report (customs-scan/1)',
});

export type ScanReportDocument = Static<typeof ScanReportDocumentSchema>;
