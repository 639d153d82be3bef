import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { DigestParams, SECURITY, SeverityCountsSchema, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const TrendPointSchema = Type.Object({
  digest: Type.String(),
  at: Type.String(),
  counts: SeverityCountsSchema,
  kev: Type.Integer(),
  finalAction: Type.Optional(Type.String()),
  policyId: Type.Optional(Type.String()),
  feedState: Type.String(),
});

const DailyTrendSchema = Type.Object({
  day: Type.String(),
  images: Type.Integer(),
  counts: SeverityCountsSchema,
  kev: Type.Integer(),
  actions: Type.Record(Type.String(), Type.Integer()),
});

const RangeQuery = Type.Object({
  since: Type.Optional(Type.String({ minLength: 1, description: 'ISO-8601 date or time (inclusive)' })),
  until: Type.Optional(Type.String({ minLength: 1, description: 'ISO-8601 date or time (inclusive)' })),
});

const range = (q: { since?: string | undefined; until?: string | undefined }) => ({
  ...(q.since !== undefined ? { since: q.since } : {}),
  ...(q.until !== undefined ? { until: q.until } : {}),
});

/** Trends as they were stored with each scan and evaluation (the UI's charts). */
export const trendRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.get(
    '/images/:digest/trends',
    {
      schema: {
        tags: ['images'],
        summary: "The image's vulnerability counts, KEV count and final action over time, oldest first",
        security: SECURITY,
        params: DigestParams,
        querystring: RangeQuery,
        response: withErrors({ 200: Type.Object({ trends: Type.Array(TrendPointSchema) }) }, 400, 404),
      },
    },
    async (request) =>
      services.trends.forImage(accountOf(request), request.params.digest, range(request.query)),
  );

  app.get(
    '/trends',
    {
      schema: {
        tags: ['images'],
        summary:
          "Per day (UTC, default the last 30): the account's images summed over each one's latest stored row",
        security: SECURITY,
        querystring: RangeQuery,
        response: withErrors({ 200: Type.Object({ days: Type.Array(DailyTrendSchema) }) }, 400),
      },
    },
    async (request) => services.trends.daily(accountOf(request), range(request.query)),
  );
};
