import { Type, type TSchema } from '@sinclair/typebox';

export const ErrorSchema = Type.Object(
  {
    error: Type.Object({
      code: Type.String(),
      message: Type.String(),
      problems: Type.Optional(Type.Array(Type.Object({ path: Type.String(), message: Type.String() }))),
    }),
  },
  {
    $id: 'Error',
    description: 'Every error: a stable code, one line, and for a bad request every problem with its path.',
  },
);

const errorRef = Type.Ref('Error');

/** The error answers of an authenticated route, plus `extra` (404, 409, 400 …). */
export function withErrors<R extends Record<number, TSchema>>(
  ok: R,
  ...extra: number[]
): R & Record<number, TSchema> {
  const errors: Record<number, TSchema> = { 401: errorRef, 403: errorRef };
  for (const status of extra) errors[status] = errorRef;
  return { ...errors, ...ok };
}

export const DigestParams = Type.Object({
  digest: Type.String({ pattern: '^sha256:[a-f0-9]{64}$', description: 'The manifest digest, sha256:…' }),
});

export const PageQuery = {
  page: Type.Integer({ minimum: 1, default: 1 }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 100 }),
};

export const AnalysisStatusSchema = Type.Union([
  Type.Literal('not_analyzed'),
  Type.Literal('analyzing'),
  Type.Literal('analyzed'),
  Type.Literal('analysis_failed'),
]);

/** Any JSON document (stored bundles, evaluation results, SBOM parts). */
export const AnyJson = Type.Unknown();

export const SECURITY: { [scheme: string]: string[] }[] = [{ bearer: [] }, { basic: [] }];

/** Vulnerability counts by severity (a trend row, an image summary). */
export const SeverityCountsSchema = Type.Object({
  critical: Type.Integer(),
  high: Type.Integer(),
  medium: Type.Integer(),
  low: Type.Integer(),
  negligible: Type.Integer(),
  unknown: Type.Integer(),
});
