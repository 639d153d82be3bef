import { type Static, type TSchema, Type } from '@sinclair/typebox';
import { type ProblemWords, anyCase as anyCaseOf } from './shape-problems.js';

/**
 * An Anchore Engine 1_0 policy bundle as written (JSON or YAML), with Customs' spellings and
 * extensions: the shape only. What the shape cannot say (gate, trigger and parameter names and
 * types, ids that must exist or be unique, patterns, dates, one spelling of a field) is checked
 * by src/policy/bundle. A field set to null counts as absent. Other fields are allowed (Anchore
 * bundles carry some Customs does not read).
 */

const words = (w: ProblemWords): ProblemWords => w;

/** Text that is not blank. */
const nonBlank = (w: ProblemWords = {}) =>
  Type.String({ pattern: '\\S', ...words({ problem: '"{key}" must be a non-empty string', ...w }) });

/** Free text (a name, a comment): any string. */
const text = () => Type.String(words({ problem: '"{key}" must be a string' }));

const list = <T extends TSchema>(items: T, w: ProblemWords = {}) =>
  Type.Array(items, words({ problem: '"{key}" must be a list', ...w }));

const BUNDLE_VERSION = '1_0';
const version = () =>
  Type.Literal(
    BUNDLE_VERSION,
    words({
      problem: `unsupported version: must be "${BUNDLE_VERSION}"`,
      missing: `missing required field "version" (must be "${BUNDLE_VERSION}")`,
    }),
  );

/** Any case, surrounding blanks allowed. */
const anyCase = (names: readonly string[]): string => `^\\s*(${anyCaseOf(names)})\\s*$`;

export const ActionSchema = Type.String({
  pattern: anyCase(['stop', 'warn', 'go']),
  description: 'STOP, WARN or GO, in any case.',
  ...words({
    problem: 'action must be STOP, WARN or GO',
    missing: 'missing required field "action" (STOP, WARN or GO)',
  }),
});

export const ParamSchema = Type.Object(
  {
    name: Type.String({
      pattern: '\\S',
      ...words({ problem: 'a parameter needs a name', missing: 'a parameter needs a name' }),
    }),
    value: Type.Union([Type.String(), Type.Number(), Type.Boolean()], {
      description: 'Anchore values are strings; numbers and booleans (common in YAML) are taken as written.',
      ...words({ problem: 'a parameter value must be a string', missing: 'a parameter needs a value' }),
    }),
  },
  words({ problem: 'a parameter must be a {name, value} object' }),
);

export const RuleSchema = Type.Object(
  {
    id: Type.Optional(nonBlank()),
    gate: nonBlank(),
    trigger: nonBlank(),
    action: ActionSchema,
    params: Type.Optional(
      Type.Array(ParamSchema, words({ problem: 'params must be a list of {name, value} objects' })),
    ),
  },
  {
    description: 'A rule without an id gets <policy id>:rule-<n>.',
    ...words({ problem: 'a rule must be an object' }),
  },
);

export const PolicySchema = Type.Object(
  {
    id: nonBlank(),
    version: Type.Optional(version()),
    rules: list(RuleSchema),
    name: Type.Optional(text()),
    comment: Type.Optional(text()),
  },
  words({ problem: 'a policy must be an object' }),
);

export const AllowlistItemSchema = Type.Object(
  {
    id: nonBlank(),
    gate: nonBlank(),
    trigger_id: nonBlank(),
    expires_on: Type.Optional(
      Type.String({
        description: 'RFC 3339 date-time; after it the item no longer allowlists.',
        ...words({ problem: 'expires_on must be an RFC 3339 date-time such as 2030-01-01T00:00:00Z' }),
      }),
    ),
  },
  words({ problem: 'an allowlist item must be an object' }),
);

export const AllowlistSchema = Type.Object(
  {
    id: nonBlank(),
    version: Type.Optional(version()),
    items: Type.Optional(list(AllowlistItemSchema)),
    name: Type.Optional(text()),
    comment: Type.Optional(text()),
  },
  words({ problem: 'an allowlist must be an object' }),
);

const IMAGE = '{type: tag|digest|id, value}';

const selectorFields = {
  registry: nonBlank(),
  repository: nonBlank(),
  image: Type.Object(
    {
      type: Type.String({
        pattern: anyCase(['tag', 'digest', 'id']),
        ...words({
          problem: 'image type must be tag, digest or id',
          missing: 'missing required field "type" (tag, digest or id)',
        }),
      }),
      value: nonBlank(),
    },
    words({
      problem: `"image" must be an object ${IMAGE}`,
      missing: `missing required field "image" (${IMAGE})`,
    }),
  ),
  id: Type.Optional(nonBlank()),
  name: Type.Optional(text()),
};

export const ImageSelectorDocumentSchema = Type.Object(
  selectorFields,
  words({ problem: 'an image selector must be an object' }),
);

const id = () => Type.String({ pattern: '\\S', ...words({ problem: 'an id must be a non-empty string' }) });
const ids = () => Type.Array(id(), words({ problem: 'must be a list of ids' }));

export const MappingDocumentSchema = Type.Object(
  {
    ...selectorFields,
    policy_id: Type.Optional(
      Type.String({ pattern: '\\S', ...words({ problem: 'policy_id must be a non-empty string' }) }),
    ),
    policy_ids: Type.Optional(ids()),
    whitelist_ids: Type.Optional(ids()),
    allowlist_ids: Type.Optional(ids()),
  },
  {
    description: 'Exactly one of policy_id and policy_ids.',
    ...words({ problem: 'a mapping must be an object' }),
  },
);

const SEVERITY_NAMES = 'unknown, negligible, low, medium, high, critical';

export const GradeSchema = Type.Object(
  {
    days: Type.Array(Type.Union([Type.Integer({ minimum: 0 }), Type.String({ pattern: '^\\s*\\d+\\s*$' })]), {
      minItems: 4,
      maxItems: 4,
      description: 'Upper bounds in days for B, C, D and E, in order; beyond the last is F.',
      ...words({
        whole: true,
        problem: 'grade days must be four non-negative whole numbers in order, the bounds for B, C, D and E',
      }),
    }),
    severities: Type.Optional(
      Type.Union([Type.String(), Type.Array(Type.String(), { minItems: 1 })], {
        description: `Severities that count (${SEVERITY_NAMES}), a list or a string split at , or |; critical and high by default.`,
        ...words({ whole: true, problem: `grade severities must be a list of ${SEVERITY_NAMES}` }),
      }),
    ),
  },
  words({ problem: 'grade must be an object {days: [B, C, D, E], severities}' }),
);

const selectors = () => Type.Optional(list(ImageSelectorDocumentSchema));

export const BundleDocumentSchema = Type.Object(
  {
    id: nonBlank(),
    version: version(),
    name: Type.Optional(text()),
    comment: Type.Optional(text()),
    policies: list(PolicySchema),
    whitelists: Type.Optional(list(AllowlistSchema)),
    allowlists: Type.Optional(list(AllowlistSchema)),
    mappings: list(MappingDocumentSchema),
    whitelisted_images: selectors(),
    allowlisted_images: selectors(),
    allowed_images: selectors(),
    blacklisted_images: selectors(),
    denylisted_images: selectors(),
    denied_images: selectors(),
    /** Customs: STOP, WARN or GO for images no mapping covers. */
    no_mapping_action: Type.Optional(ActionSchema),
    grade: Type.Optional(GradeSchema),
  },
  {
    title: 'Anchore 1_0 policy bundle (as read by Customs)',
    ...words({ problem: 'a policy bundle must be an object' }),
  },
);

export type BundleDocument = Static<typeof BundleDocumentSchema>;
