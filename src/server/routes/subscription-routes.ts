import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SECURITY, withErrors } from './schemas/common-schemas.js';
import {
  EventTypeSchema,
  IdParams,
  SCOPE_PATTERN,
  SubscriptionSchema,
} from './schemas/notification-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

export const subscriptionRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/subscriptions',
    {
      schema: {
        tags: ['notifications'],
        summary:
          "Send one type of the account's events, for one tag, one digest or every image, to a webhook",
        security: SECURITY,
        body: Type.Object(
          {
            type: EventTypeSchema,
            scope: Type.Optional(
              Type.String({
                pattern: SCOPE_PATTERN,
                description: "A full tag (registry/repo:tag), a digest (sha256:…) or '*' (the default)",
              }),
            ),
            webhook_id: Type.String({ minLength: 1 }),
            active: Type.Optional(Type.Boolean()),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: SubscriptionSchema }, 400, 404),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.subscriptions.create(accountOf(request), request.body)),
  );

  app.get(
    '/subscriptions',
    {
      schema: {
        tags: ['notifications'],
        summary: "The account's subscriptions",
        security: SECURITY,
        querystring: Type.Object({
          type: Type.Optional(EventTypeSchema),
          webhook_id: Type.Optional(Type.String()),
        }),
        response: withErrors({ 200: Type.Array(SubscriptionSchema) }, 400),
      },
    },
    async (request) =>
      services.subscriptions.list(accountOf(request), {
        ...(request.query.type !== undefined ? { type: request.query.type } : {}),
        ...(request.query.webhook_id !== undefined ? { webhookId: request.query.webhook_id } : {}),
      }),
  );

  app.get(
    '/subscriptions/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One subscription',
        security: SECURITY,
        params: IdParams,
        response: withErrors({ 200: SubscriptionSchema }, 404),
      },
    },
    async (request) => services.subscriptions.get(accountOf(request), request.params.id),
  );

  app.patch(
    '/subscriptions/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Turn a subscription on or off',
        security: SECURITY,
        params: IdParams,
        body: Type.Object({ active: Type.Boolean() }, { additionalProperties: false }),
        response: withErrors({ 200: SubscriptionSchema }, 400, 404),
      },
    },
    async (request) =>
      services.subscriptions.setActive(accountOf(request), request.params.id, request.body.active),
  );

  app.delete(
    '/subscriptions/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Remove a subscription (deliveries already due still go)',
        security: SECURITY,
        params: IdParams,
        response: withErrors({ 204: Type.Null() }, 404),
      },
    },
    async (request, reply) => {
      await services.subscriptions.delete(accountOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );
};
