import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SECURITY, withErrors } from './schemas/common-schemas.js';
import { WatchBody, WatchCheckSchema, WatchParams, WatchSchema } from './schemas/watch-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

export const watchRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/watches',
    {
      schema: {
        tags: ['watches'],
        summary: 'Watch a tag (a new digest is analyzed and told) or a repository (new tags are analyzed)',
        security: SECURITY,
        body: WatchBody,
        response: withErrors({ 201: WatchSchema }, 400, 409),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.watches.create(accountOf(request), request.body)),
  );

  app.get(
    '/watches',
    {
      schema: {
        tags: ['watches'],
        summary: "The account's watches",
        security: SECURITY,
        response: withErrors({ 200: Type.Array(WatchSchema) }),
      },
    },
    async (request) => services.watches.list(accountOf(request)),
  );

  app.get(
    '/watches/:id',
    {
      schema: {
        tags: ['watches'],
        summary: 'One watch and its last poll',
        security: SECURITY,
        params: WatchParams,
        response: withErrors({ 200: WatchSchema }, 404),
      },
    },
    async (request) => services.watches.get(accountOf(request), request.params.id),
  );

  app.delete(
    '/watches/:id',
    {
      schema: {
        tags: ['watches'],
        summary: 'Stop watching',
        security: SECURITY,
        params: WatchParams,
        response: withErrors({ 204: Type.Null() }, 404),
      },
    },
    async (request, reply) => {
      await services.watches.delete(accountOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/watches/:id/check',
    {
      schema: {
        tags: ['watches'],
        summary: 'Poll the watch now (queues its poll, or answers the one already queued)',
        security: SECURITY,
        params: WatchParams,
        response: withErrors({ 202: WatchCheckSchema }, 404),
      },
    },
    async (request, reply) =>
      reply.status(202).send(await services.watches.check(accountOf(request), request.params.id)),
  );
};
