import { timingSafeEqual } from 'node:crypto';
import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UnauthorizedError } from '../../errors/index.js';
import { customsVersion } from '../../sbom/version.js';
import { keyFromAuthorization } from '../auth/credentials-header.js';
import type { ServiceMetrics } from '../app/metrics.js';
import type { ServiceStore } from '../store/types.js';
import type { JobQueue } from '../queue/types.js';
import { ErrorSchema } from './schemas/common-schemas.js';

export interface SystemRouteOptions {
  store: ServiceStore;
  queue: JobQueue;
  metrics: ServiceMetrics;
  metricsKey?: string;
}

const publicRoute = { public: true };

export const systemRoutes: FastifyPluginAsyncTypebox<SystemRouteOptions> = async (app, options) => {
  app.get(
    '/health',
    {
      config: publicRoute,
      schema: {
        tags: ['system'],
        summary: 'Liveness: the process answers',
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      config: publicRoute,
      schema: {
        tags: ['system'],
        summary: 'Readiness: the store answers',
        response: {
          200: Type.Object({ status: Type.Literal('ready'), store: Type.String(), queue: Type.String() }),
          503: ErrorSchema,
        },
      },
    },
    async (_request, reply) => {
      try {
        await options.store.ping();
      } catch {
        return reply.status(503).send({ error: { code: 'not-ready', message: 'the store does not answer' } });
      }
      return { status: 'ready' as const, store: options.store.kind, queue: options.queue.kind };
    },
  );

  app.get(
    '/version',
    {
      config: publicRoute,
      schema: {
        tags: ['system'],
        summary: 'The service version',
        response: {
          200: Type.Object({
            service: Type.Literal('customs'),
            version: Type.String(),
            api: Type.Literal('v1'),
          }),
        },
      },
    },
    async () => ({ service: 'customs' as const, version: customsVersion(), api: 'v1' as const }),
  );

  app.get(
    '/metrics',
    {
      config: publicRoute,
      schema: {
        tags: ['system'],
        summary: 'Prometheus metrics: requests by route and status, durations, job counts',
        description: 'Public unless the server was started with --metrics-key (then Bearer that key).',
        produces: ['text/plain'],
        response: { 200: Type.String(), 401: ErrorSchema },
      },
    },
    async (request, reply) => {
      if (
        options.metricsKey !== undefined &&
        !sameText(keyFromAuthorization(request.headers.authorization), options.metricsKey)
      )
        throw new UnauthorizedError('the metrics key is needed');
      return reply.type(options.metrics.registry.contentType).send(await options.metrics.text());
    },
  );
};

function sameText(given: string | undefined, expected: string): boolean {
  if (given === undefined) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
