import { Type } from '@sinclair/typebox';

const Interval = Type.Integer({
  minimum: 10,
  maximum: 7 * 24 * 3600,
  description: 'Seconds between polls (default 300; due watches are looked for every minute by default)',
});

export const WatchBody = Type.Union([
  Type.Object(
    {
      kind: Type.Literal('tag'),
      tag: Type.String({ minLength: 1, description: 'registry/repository:tag' }),
      intervalSeconds: Type.Optional(Interval),
    },
    { additionalProperties: false },
  ),
  Type.Object(
    {
      kind: Type.Literal('repository'),
      repository: Type.String({ minLength: 1, description: 'registry/repository' }),
      limit: Type.Optional(
        Type.Integer({ minimum: 1, maximum: 100, description: 'New tags taken per poll (default 5)' }),
      ),
      intervalSeconds: Type.Optional(Interval),
    },
    { additionalProperties: false },
  ),
]);

export const WatchSchema = Type.Object({
  id: Type.String(),
  kind: Type.Union([Type.Literal('tag'), Type.Literal('repository')]),
  registry: Type.String(),
  repository: Type.String(),
  tag: Type.Optional(Type.String()),
  intervalSeconds: Type.Integer(),
  limit: Type.Optional(Type.Integer()),
  active: Type.Boolean(),
  lastDigest: Type.Optional(Type.String()),
  lastImageDigest: Type.Optional(Type.String()),
  lastCheckedAt: Type.Optional(Type.String()),
  lastError: Type.Optional(Type.String()),
  nextCheckAt: Type.String(),
  createdAt: Type.String(),
});

export const WatchParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });

export const WatchCheckSchema = Type.Object({
  watch: WatchSchema,
  jobId: Type.String({ description: 'The poll job (GET its state through the job engine)' }),
});
