import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

// No registry_pass here: a response cannot carry it, whatever a handler returns.
const RegistrySchema = Type.Object({
  registry: Type.String(),
  registry_user: Type.String(),
  registry_type: Type.Literal('docker_v2'),
  registry_verify: Type.Boolean(),
  registry_name: Type.Optional(Type.String()),
  created_at: Type.String(),
  last_updated: Type.String(),
});

const RegistryBody = Type.Object(
  {
    registry: Type.String({ minLength: 1, pattern: '^[^/\\s]+$', description: 'host[:port]' }),
    registry_user: Type.String({ minLength: 1 }),
    registry_pass: Type.String({ minLength: 1 }),
    registry_type: Type.Optional(Type.Literal('docker_v2')),
    registry_verify: Type.Optional(Type.Boolean()),
    registry_name: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);

const RegistryParams = Type.Object({ registry: Type.String({ minLength: 1 }) });

export const registryRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/registries',
    {
      schema: {
        tags: ['registries'],
        summary: 'Add or replace the credential for a registry (the password is sealed, never shown)',
        security: SECURITY,
        body: RegistryBody,
        response: withErrors({ 200: RegistrySchema }, 400),
      },
    },
    async (request) => services.registries.put(accountOf(request), request.body),
  );

  app.get(
    '/registries',
    {
      schema: {
        tags: ['registries'],
        summary: "The account's registry credentials",
        security: SECURITY,
        response: withErrors({ 200: Type.Array(RegistrySchema) }),
      },
    },
    async (request) => services.registries.list(accountOf(request)),
  );

  app.get(
    '/registries/:registry',
    {
      schema: {
        tags: ['registries'],
        summary: 'One registry credential',
        security: SECURITY,
        params: RegistryParams,
        response: withErrors({ 200: RegistrySchema }, 404),
      },
    },
    async (request) => services.registries.get(accountOf(request), request.params.registry),
  );

  app.put(
    '/registries/:registry',
    {
      schema: {
        tags: ['registries'],
        summary: 'Replace the credential for a registry',
        security: SECURITY,
        params: RegistryParams,
        body: RegistryBody,
        response: withErrors({ 200: RegistrySchema }, 400),
      },
    },
    async (request) =>
      services.registries.put(accountOf(request), { ...request.body, registry: request.params.registry }),
  );

  app.delete(
    '/registries/:registry',
    {
      schema: {
        tags: ['registries'],
        summary: 'Remove a registry credential',
        security: SECURITY,
        params: RegistryParams,
        response: withErrors({ 204: Type.Null() }, 404),
      },
    },
    async (request, reply) => {
      await services.registries.delete(accountOf(request), request.params.registry);
      return reply.status(204).send(null);
    },
  );
};
