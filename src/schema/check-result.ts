import { type Static, Type } from '@sinclair/typebox';

export const PolicyActionSchema = Type.Union(
  [Type.Literal('stop'), Type.Literal('warn'), Type.Literal('go')],
  {
    description: "Anchore's actions, in precedence order STOP < WARN < GO.",
  },
);

export const ImageSelectorSchema = Type.Object({
  id: Type.Optional(Type.String()),
  name: Type.Optional(Type.String()),
  registry: Type.String(),
  repository: Type.String(),
  image: Type.Object({
    type: Type.Union([Type.Literal('tag'), Type.Literal('digest'), Type.Literal('id')]),
    value: Type.String(),
  }),
});

/** A mapping once read: `policy_id` made a list, `whitelist_ids` spelled `allowlist_ids`. */
export const MappingSchema = Type.Object({
  ...ImageSelectorSchema.properties,
  policy_ids: Type.Array(Type.String()),
  allowlist_ids: Type.Array(Type.String()),
});

export const FindingSchema = Type.Object({
  gate: Type.String(),
  trigger: Type.String(),
  triggerId: Type.String(),
  message: Type.String(),
  action: Type.Union([PolicyActionSchema], {
    description: "The effective action: the rule's, or go when allowlisted.",
  }),
  ruleAction: Type.Union([PolicyActionSchema], { description: "The rule's own action before allowlisting." }),
  allowlisted: Type.Union([
    Type.Literal(false),
    Type.Object({
      allowlistId: Type.String(),
      allowlistName: Type.Optional(Type.String()),
      itemId: Type.String(),
      expiresOn: Type.Optional(Type.String()),
    }),
  ]),
  policyId: Type.String(),
  ruleId: Type.String(),
});

export const EvaluationProblemSchema = Type.Object({
  severity: Type.Union([Type.Literal('warn'), Type.Literal('error')]),
  type: Type.String(),
  details: Type.String(),
});

/** `customs check -o json`: the evaluation result. Fields are only ever added. */
export const EvaluationResultSchema = Type.Object(
  {
    finalAction: PolicyActionSchema,
    finalActionReason: Type.Union(
      (['policy_evaluation', 'allowed_image', 'denied_image', 'no_mapping', 'evaluation_error'] as const).map(
        (r) => Type.Literal(r),
      ),
    ),
    status: Type.Union([Type.Literal('pass'), Type.Literal('fail')]),
    matchedMapping: Type.Union([MappingSchema, Type.Literal(false)]),
    matchedAllowedImage: Type.Union([ImageSelectorSchema, Type.Literal(false)]),
    matchedDeniedImage: Type.Union([ImageSelectorSchema, Type.Literal(false)]),
    tag: Type.String({
      description: 'The image tag evaluated, normalised (docker.io/library/nginx:latest).',
    }),
    sourceReference: Type.Optional(
      Type.String({ description: 'The source as the user named it (oci-dir:app:1, registry:...).' }),
    ),
    imageDigest: Type.Optional(Type.String()),
    findings: Type.Array(FindingSchema),
    grade: Type.Optional(
      Type.Object(
        {
          grade: Type.Union((['A', 'B', 'C', 'D', 'E', 'F'] as const).map((g) => Type.Literal(g))),
          reason: Type.String(),
        },
        { description: 'Health grade A-F with the reason.' },
      ),
    ),
    problems: Type.Array(EvaluationProblemSchema, {
      description: 'Expired allowlist items, end-of-life gates used, gates that lacked data.',
    }),
    bundle: Type.Object({ id: Type.String(), name: Type.Optional(Type.String()) }),
    evaluatedAt: Type.String({ format: 'date-time' }),
  },
  { title: 'Customs check result (customs-check/1)' },
);

export type EvaluationResultDocument = Static<typeof EvaluationResultSchema>;
