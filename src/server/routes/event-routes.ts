import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { PageQuery, SECURITY, withErrors } from './schemas/common-schemas.js';
import { DeliverySchema, EventSchema, EventTypeSchema, IdParams } from './schemas/notification-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

export const eventRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.get(
    '/events',
    {
      schema: {
        tags: ['notifications'],
        summary: "The account's events, newest first (oldest first after `after`)",
        security: SECURITY,
        querystring: Type.Object({
          type: Type.Optional(EventTypeSchema),
          digest: Type.Optional(Type.String({ pattern: '^sha256:[a-f0-9]{64}$' })),
          tag: Type.Optional(Type.String({ minLength: 1, description: 'A full tag' })),
          after: Type.Optional(
            Type.String({ pattern: '^\\d{1,18}$', description: 'Only events after this id' }),
          ),
          since: Type.Optional(Type.String({ format: 'date-time' })),
          ...PageQuery,
        }),
        response: withErrors(
          { 200: Type.Object({ items: Type.Array(EventSchema), total: Type.Integer() }) },
          400,
        ),
      },
    },
    async (request) => {
      const { type, digest, tag, after, since, page, limit } = request.query;
      return services.events.list(
        accountOf(request),
        {
          ...(type !== undefined ? { type } : {}),
          ...(digest !== undefined ? { digest } : {}),
          ...(tag !== undefined ? { fullTag: tag } : {}),
          ...(after !== undefined ? { afterId: after } : {}),
          ...(since !== undefined ? { since: new Date(since).toISOString() } : {}),
        },
        { limit, offset: (page - 1) * limit },
      );
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One event and the state of each of its deliveries',
        security: SECURITY,
        params: IdParams,
        response: withErrors(
          { 200: Type.Object({ event: EventSchema, deliveries: Type.Array(DeliverySchema) }) },
          404,
        ),
      },
    },
    async (request) => services.events.get(accountOf(request), request.params.id),
  );
};
