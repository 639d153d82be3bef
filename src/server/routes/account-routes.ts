import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireAdmin } from '../auth/authenticate.js';
import { SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, principalOf, type RouteOptions } from './route-context.js';

const AccountSchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  role: Type.Union([Type.Literal('admin'), Type.Literal('user')]),
  created_at: Type.String(),
});

const KeySchema = Type.Object({
  id: Type.String(),
  name: Type.String(),
  created_at: Type.String(),
  revoked_at: Type.Optional(Type.String()),
  last_used_at: Type.Optional(Type.String()),
});

const AccountParams = Type.Object({ accountId: Type.String({ minLength: 1 }) });

export const accountRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Create an account and its first key (admin only; the key is shown once)',
        security: SECURITY,
        body: Type.Object(
          {
            name: Type.String({ minLength: 1, maxLength: 128, pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$' }),
            role: Type.Optional(Type.Union([Type.Literal('admin'), Type.Literal('user')])),
          },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: Type.Object({ account: AccountSchema, key: Type.String() }) }, 400, 409),
      },
    },
    async (request, reply) => {
      requireAdmin(principalOf(request));
      return reply.status(201).send(await services.accounts.createAccount(request.body));
    },
  );

  app.get(
    '/accounts',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Every account (admin only)',
        security: SECURITY,
        response: withErrors({ 200: Type.Array(AccountSchema) }),
      },
    },
    async (request) => {
      requireAdmin(principalOf(request));
      return services.accounts.listAccounts();
    },
  );

  app.get(
    '/accounts/:accountId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'One account (admin only)',
        security: SECURITY,
        params: AccountParams,
        response: withErrors({ 200: AccountSchema }, 404),
      },
    },
    async (request) => {
      requireAdmin(principalOf(request));
      return services.accounts.getAccount(request.params.accountId);
    },
  );

  app.delete(
    '/accounts/:accountId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Delete an account and everything it owns (admin only)',
        security: SECURITY,
        params: AccountParams,
        response: withErrors({ 204: Type.Null() }, 404),
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      requireAdmin(principal);
      await services.accounts.deleteAccount(request.params.accountId, principal.account.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/account',
    {
      schema: {
        tags: ['accounts'],
        summary: 'The account the key belongs to',
        security: SECURITY,
        response: withErrors({ 200: AccountSchema }),
      },
    },
    async (request) => services.accounts.getAccount(accountOf(request)),
  );

  app.post(
    '/account/keys',
    {
      schema: {
        tags: ['accounts'],
        summary: 'A new API key for this account (the key is in this answer only)',
        security: SECURITY,
        body: Type.Object(
          { name: Type.String({ minLength: 1, maxLength: 128 }) },
          { additionalProperties: false },
        ),
        response: withErrors({ 201: Type.Object({ key: Type.String(), ...KeySchema.properties }) }, 400),
      },
    },
    async (request, reply) => {
      const { key, view } = await services.accounts.createKey(accountOf(request), request.body.name);
      return reply.status(201).send({ key, ...view });
    },
  );

  app.get(
    '/account/keys',
    {
      schema: {
        tags: ['accounts'],
        summary: "This account's keys (never their secrets)",
        security: SECURITY,
        response: withErrors({ 200: Type.Array(KeySchema) }),
      },
    },
    async (request) => services.accounts.listKeys(accountOf(request)),
  );

  app.delete(
    '/account/keys/:keyId',
    {
      schema: {
        tags: ['accounts'],
        summary: 'Revoke a key',
        security: SECURITY,
        params: Type.Object({ keyId: Type.String({ minLength: 1 }) }),
        response: withErrors({ 204: Type.Null() }, 404),
      },
    },
    async (request, reply) => {
      await services.accounts.revokeKey(accountOf(request), request.params.keyId);
      return reply.status(204).send(null);
    },
  );
};
