import { requireAdmin } from '../auth/authenticate.js';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AnyJson, PageQuery, SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, principalOf, type RouteOptions } from './route-context.js';

const FeedStatusSchema = Type.Object({
  location: Type.Optional(Type.String()),
  available: Type.Boolean(),
  last_sync: Type.Optional(Type.String()),
  feeds: Type.Array(
    Type.Object({
      name: Type.String(),
      enabled: Type.Boolean(),
      last_full_sync: Type.Optional(Type.String()),
      record_count: Type.Integer(),
      groups: Type.Array(
        Type.Object({
          name: Type.String(),
          last_sync: Type.String(),
          record_count: Type.Integer(),
          enabled: Type.Boolean(),
        }),
      ),
    }),
  ),
});

const pagedImages = (field: string) =>
  Type.Object({
    images: Type.Array(Type.Object({ imageDigest: Type.String(), [field]: Type.Array(AnyJson) })),
    total: Type.Integer(),
    page: Type.Integer(),
    limit: Type.Integer(),
  });

export const feedQueryRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.get(
    '/system/feeds',
    {
      schema: {
        tags: ['feeds'],
        summary: 'The vulnerability data: providers, last sync, record counts',
        security: SECURITY,
        response: withErrors({ 200: FeedStatusSchema }),
      },
    },
    async (request) => {
      accountOf(request);
      return services.feeds.status();
    },
  );

  app.post(
    '/system/feeds',
    {
      schema: {
        tags: ['feeds'],
        summary: 'Queue a sync of the vulnerability data (admin only: the data is shared by every account)',
        security: SECURITY,
        querystring: Type.Object({ sync: Type.Optional(Type.Boolean()) }),
        response: withErrors({ 202: Type.Object({ jobId: Type.String() }) }),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      requireAdmin(principal);
      return reply.status(202).send(await services.feeds.sync(principal.account.name));
    },
  );

  app.get(
    '/query/images/by_package',
    {
      schema: {
        tags: ['queries'],
        summary: "The account's images holding a package",
        security: SECURITY,
        querystring: Type.Object({
          name: Type.String({ minLength: 1 }),
          package_type: Type.Optional(Type.String()),
          version: Type.Optional(Type.String()),
          ...PageQuery,
        }),
        response: withErrors({ 200: pagedImages('packages') }, 400),
      },
    },
    async (request) => {
      const { name, package_type, version, page, limit } = request.query;
      return services.queries.byPackage(
        accountOf(request),
        {
          name,
          ...(package_type !== undefined ? { type: package_type } : {}),
          ...(version !== undefined ? { version } : {}),
        },
        { page, limit },
      );
    },
  );

  app.get(
    '/query/images/by_vulnerability',
    {
      schema: {
        tags: ['queries'],
        summary: "The account's images whose latest scan has a vulnerability",
        security: SECURITY,
        querystring: Type.Object({ vulnerability_id: Type.String({ minLength: 1 }), ...PageQuery }),
        response: withErrors({ 200: pagedImages('vulnerable_packages') }, 400),
      },
    },
    async (request) =>
      services.queries.byVulnerability(accountOf(request), request.query.vulnerability_id, {
        page: request.query.page,
        limit: request.query.limit,
      }),
  );
};
