import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { EvaluationResultSchema } from '../../schema/check-result.js';
import { DigestParams, PageQuery, SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const EvaluationSchema = Type.Object({
  id: Type.String(),
  imageDigest: Type.String(),
  tag: Type.String(),
  policyId: Type.String(),
  final_action: Type.String(),
  status: Type.String(),
  evaluated_at: Type.String(),
  feed_state: Type.String(),
  result: EvaluationResultSchema,
});

const CheckQuery = {
  tag: Type.Optional(Type.String({ minLength: 1 })),
  policyId: Type.Optional(Type.String({ minLength: 1 })),
};

export const checkRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.get(
    '/images/:digest/check',
    {
      schema: {
        tags: ['policies'],
        summary: 'Evaluate the stored analysis with a bundle (the active one by default) and keep the result',
        security: SECURITY,
        params: DigestParams,
        querystring: Type.Object(CheckQuery),
        response: withErrors({ 200: EvaluationSchema }, 400, 404, 409),
      },
    },
    async (request) => {
      const { tag, policyId } = request.query;
      return services.checks.check(accountOf(request), request.params.digest, {
        ...(tag !== undefined ? { tag } : {}),
        ...(policyId !== undefined ? { policyId } : {}),
      });
    },
  );

  app.get(
    '/images/:digest/check/history',
    {
      schema: {
        tags: ['policies'],
        summary: "The image's stored evaluations, newest first",
        security: SECURITY,
        params: DigestParams,
        querystring: Type.Object({ ...CheckQuery, ...PageQuery }),
        response: withErrors(
          {
            200: Type.Object({
              evaluations: Type.Array(EvaluationSchema),
              total: Type.Integer(),
              page: Type.Integer(),
              limit: Type.Integer(),
            }),
          },
          400,
          404,
        ),
      },
    },
    async (request) => {
      const { tag, policyId, page, limit } = request.query;
      return services.checks.history(accountOf(request), request.params.digest, {
        ...(tag !== undefined ? { tag } : {}),
        ...(policyId !== undefined ? { policyId } : {}),
        page,
        limit,
      });
    },
  );
};
