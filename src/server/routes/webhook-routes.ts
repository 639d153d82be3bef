import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SECURITY, withErrors } from './schemas/common-schemas.js';
import {
  CreatedWebhookSchema,
  EventTypeSchema,
  IdParams,
  JiraBody,
  WebhookKindSchema,
  WebhookSchema,
} from './schemas/notification-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const Url = Type.String({
  minLength: 1,
  maxLength: 2048,
  description: 'http(s) URL; JIRA: the site base URL',
});

export const webhookRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/webhooks',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Add a webhook; the answer carries its signing secret, shown this once',
        security: SECURITY,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 200 }),
            url: Url,
            kind: Type.Optional(WebhookKindSchema),
            jira: Type.Optional(JiraBody),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: CreatedWebhookSchema }, 400),
      },
    },
    async (request, reply) =>
      reply.status(201).send(await services.webhooks.create(accountOf(request), request.body)),
  );

  app.get(
    '/webhooks',
    {
      schema: {
        tags: ['notifications'],
        summary: "The account's webhooks (never their secrets)",
        security: SECURITY,
        response: withErrors({ 200: Type.Array(WebhookSchema) }),
      },
    },
    async (request) => services.webhooks.list(accountOf(request)),
  );

  app.get(
    '/webhooks/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'One webhook',
        security: SECURITY,
        params: IdParams,
        response: withErrors({ 200: WebhookSchema }, 404),
      },
    },
    async (request) => services.webhooks.get(accountOf(request), request.params.id),
  );

  app.patch(
    '/webhooks/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: "Change a webhook's name, URL or JIRA settings (its kind and secret stay)",
        security: SECURITY,
        params: IdParams,
        body: Type.Object(
          {
            name: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
            url: Type.Optional(Url),
            jira: Type.Optional(JiraBody),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 200: WebhookSchema }, 400, 404),
      },
    },
    async (request) => services.webhooks.update(accountOf(request), request.params.id, request.body),
  );

  app.delete(
    '/webhooks/:id',
    {
      schema: {
        tags: ['notifications'],
        summary: 'Remove a webhook with its subscriptions and pending deliveries',
        security: SECURITY,
        params: IdParams,
        response: withErrors({ 204: Type.Null() }, 404),
      },
    },
    async (request, reply) => {
      await services.webhooks.delete(accountOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/webhooks/:id/test',
    {
      schema: {
        tags: ['notifications'],
        summary: "Send a made-up, signed notification now and report the receiver's answer",
        security: SECURITY,
        params: IdParams,
        querystring: Type.Object({
          type: Type.Optional(EventTypeSchema),
        }),
        response: withErrors(
          {
            200: Type.Object({
              delivered: Type.Boolean(),
              status: Type.Optional(Type.Integer()),
              error: Type.Optional(Type.String()),
              event_id: Type.String(),
              delivery_id: Type.String(),
            }),
          },
          400,
          404,
        ),
      },
    },
    async (request) => services.webhooks.test(accountOf(request), request.params.id, request.query.type),
  );
};
