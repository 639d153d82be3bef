import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnyJson, SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const PolicySchema = Type.Object({
  policyId: Type.String(),
  name: Type.String(),
  active: Type.Boolean(),
  policybundle: AnyJson,
  created_at: Type.String(),
  last_updated: Type.String(),
});

const PolicyParams = Type.Object({ policyId: Type.String({ minLength: 1 }) });
const BundleBody = Type.Object(
  {},
  { additionalProperties: true, description: 'An Anchore 1_0 policy bundle' },
);

export const policyRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/policies',
    {
      schema: {
        tags: ['policies'],
        summary: 'Add (or replace) a policy bundle; refused with every problem when it is not valid',
        security: SECURITY,
        body: BundleBody,
        response: withErrors({ 200: PolicySchema }, 400),
      },
    },
    async (request) => services.policies.put(accountOf(request), request.body),
  );

  app.post(
    '/policies/validate',
    {
      schema: {
        tags: ['policies'],
        summary: 'Check a bundle without storing it: every problem with its path',
        security: SECURITY,
        body: AnyJson,
        response: withErrors({
          200: Type.Object({
            valid: Type.Boolean(),
            problems: Type.Array(Type.Object({ path: Type.String(), message: Type.String() })),
          }),
        }),
      },
    },
    async (request) => {
      accountOf(request);
      return services.policies.validate(request.body);
    },
  );

  app.get(
    '/policies',
    {
      schema: {
        tags: ['policies'],
        summary: "The account's bundles",
        security: SECURITY,
        response: withErrors({ 200: Type.Array(PolicySchema) }),
      },
    },
    async (request) => services.policies.list(accountOf(request)),
  );

  app.get(
    '/policies/:policyId',
    {
      schema: {
        tags: ['policies'],
        summary: 'One bundle',
        security: SECURITY,
        params: PolicyParams,
        response: withErrors({ 200: PolicySchema }, 404),
      },
    },
    async (request) => services.policies.get(accountOf(request), request.params.policyId),
  );

  app.put(
    '/policies/:policyId',
    {
      schema: {
        tags: ['policies'],
        summary: 'Replace the bundle (body) and/or make it the active one (?active=true)',
        security: SECURITY,
        params: PolicyParams,
        querystring: Type.Object({ active: Type.Optional(Type.Boolean()) }),
        // Optional (an activation alone sends none): the bundle is checked as a POST's is.
        body: Type.Unknown({ description: 'An Anchore 1_0 policy bundle, or nothing' }),
        response: withErrors({ 200: PolicySchema }, 400, 404),
      },
    },
    async (request) => {
      const accountId = accountOf(request);
      const { policyId } = request.params;
      const body = request.body;
      if (typeof body === 'object' && body !== null && Object.keys(body).length > 0)
        await services.policies.put(accountId, body, policyId);
      if (request.query.active === true) return services.policies.activate(accountId, policyId);
      return services.policies.get(accountId, policyId);
    },
  );

  app.delete(
    '/policies/:policyId',
    {
      schema: {
        tags: ['policies'],
        summary: 'Remove a bundle (not the active one)',
        security: SECURITY,
        params: PolicyParams,
        response: withErrors({ 204: Type.Null() }, 404, 409),
      },
    },
    async (request, reply) => {
      await services.policies.delete(accountOf(request), request.params.policyId);
      return reply.status(204).send(null);
    },
  );
};
