import { Type } from '@sinclair/typebox';

/**
 * VEX input (`--vex`): the parts of an OpenVEX 0.2.0 or a CycloneDX VEX document Customs reads.
 * Other fields are allowed and ignored.
 */

const OPENVEX_STATUSES = ['not_affected', 'fixed', 'affected', 'under_investigation'] as const;

/** CycloneDX analysis states (mapped onto the VEX statuses by src/scan/vex). */
export const CYCLONEDX_STATES = [
  'not_affected',
  'false_positive',
  'resolved',
  'resolved_with_pedigree',
  'exploitable',
  'in_triage',
] as const;

const component = Type.Union([
  Type.String(),
  Type.Object({
    '@id': Type.Optional(Type.String()),
    identifiers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  }),
]);

export const OpenVexStatementSchema = Type.Object(
  {
    vulnerability: Type.Optional(
      Type.Union(
        [
          Type.String(),
          Type.Object({
            name: Type.Optional(Type.String()),
            '@id': Type.Optional(Type.String()),
            aliases: Type.Optional(Type.Array(Type.Unknown())),
          }),
        ],
        { problem: 'the statement names no vulnerability' },
      ),
    ),
    products: Type.Optional(
      Type.Array(
        Type.Union([
          Type.String(),
          Type.Object({
            '@id': Type.Optional(Type.String()),
            identifiers: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
            subcomponents: Type.Optional(Type.Array(component)),
          }),
        ]),
        { problem: 'products must be a list' },
      ),
    ),
    status: Type.Union(
      OPENVEX_STATUSES.map((s) => Type.Literal(s)),
      {
        problem: `status "{value}" is not one of ${OPENVEX_STATUSES.join(', ')}`,
        missing: `the statement needs a status (${OPENVEX_STATUSES.join(', ')})`,
      },
    ),
    justification: Type.Optional(Type.String()),
    impact_statement: Type.Optional(Type.String()),
  },
  { problem: 'a statement must be an object' },
);

export const OpenVexSchema = Type.Object(
  {
    '@context': Type.String({ pattern: 'openvex\\.dev/ns' }),
    statements: Type.Optional(Type.Array(OpenVexStatementSchema, { problem: 'statements must be a list' })),
  },
  { title: 'OpenVEX document (as read by Customs)' },
);

export const CycloneDxVulnerabilitySchema = Type.Object(
  {
    id: Type.String({ problem: 'a vulnerability needs an id', missing: 'a vulnerability needs an id' }),
    analysis: Type.Optional(
      Type.Object({
        state: Type.Optional(
          Type.Union(
            CYCLONEDX_STATES.map((s) => Type.Literal(s)),
            { problem: 'analysis state "{value}" is not a CycloneDX state' },
          ),
        ),
        justification: Type.Optional(Type.String()),
        detail: Type.Optional(Type.String()),
      }),
    ),
    affects: Type.Optional(Type.Array(Type.Object({ ref: Type.Optional(Type.String()) }))),
  },
  { problem: 'a vulnerability needs an id' },
);

export const CycloneDxVexSchema = Type.Object(
  {
    bomFormat: Type.Literal('CycloneDX'),
    vulnerabilities: Type.Array(CycloneDxVulnerabilitySchema),
  },
  { title: 'CycloneDX VEX document (as read by Customs)' },
);
