import multipart from '@fastify/multipart';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { customsVersion } from '../../sbom/version.js';
import { authenticate } from '../auth/authenticate.js';
import { accountRoutes } from '../routes/account-routes.js';
import { admissionRoutes } from '../routes/admission-routes.js';
import { checkRoutes } from '../routes/check-routes.js';
import { trendRoutes } from '../routes/trend-routes.js';
import { contentRoutes } from '../routes/content-routes.js';
import { eventRoutes } from '../routes/event-routes.js';
import { feedQueryRoutes } from '../routes/feed-query-routes.js';
import { harborRoutes } from '../routes/harbor-routes.js';
import { imageRoutes } from '../routes/image-routes.js';
import { policyRoutes } from '../routes/policy-routes.js';
import { registryRoutes } from '../routes/registry-routes.js';
import { subscriptionRoutes } from '../routes/subscription-routes.js';
import { webhookRoutes } from '../routes/webhook-routes.js';
import { watchRoutes } from '../routes/watch-routes.js';
import { ErrorSchema } from '../routes/schemas/common-schemas.js';
import {
  ImageSchema,
  ImageSummarySchema,
  ProvenanceImageSchema,
  ProvenanceSchema,
} from '../routes/schemas/image-schemas.js';
import { systemRoutes } from '../routes/system-routes.js';
import type { AppDeps } from './app-deps.js';
import { sendError } from './error-reply.js';
import { loggerOptions } from './logger-options.js';
import { ServiceMetrics } from './metrics.js';
import { DEFAULT_RATE_LIMITS } from './rate-limit-settings.js';
import { registerRateLimits } from './rate-limits.js';
import { makeServices } from './services.js';
import { webAssetsDir } from '../web/web-assets.js';
import { registerWebUi } from '../web/web-routes.js';

/** Paths no key is needed for: the OpenAPI document and its browsable page. */
const PUBLIC_PREFIXES = ['/openapi.json', '/docs', '/ui'];

/**
 * The Customs HTTP API over a store and a queue: /v1 (Anchore-like), the Harbor adapter under
 * /api/v1, system routes, /openapi.json (generated from the route schemas that also validate
 * requests and shape responses) and /docs. Nothing listens until the caller does.
 */
export async function buildApp(deps: AppDeps): Promise<FastifyInstance> {
  const options: FastifyServerOptions = {
    ...(deps.logger === false
      ? { logger: false }
      : deps.logger
        ? { loggerInstance: deps.logger }
        : { logger: loggerOptions() }),
    ajv: { customOptions: { allErrors: true, coerceTypes: 'array', removeAdditional: false } },
    bodyLimit: 16 * 1024 * 1024,
  };
  // HTTPS when a certificate is given (a Kubernetes admission webhook is only ever called over TLS).
  // The instance is typed as the HTTP one: the routes never touch the server object.
  const app = Fastify({
    ...options,
    ...(deps.tls ? { https: deps.tls } : {}),
  } as FastifyServerOptions).withTypeProvider<TypeBoxTypeProvider>();

  const services = makeServices(deps);
  const metrics = new ServiceMetrics(deps.queue);

  app.addSchema(ErrorSchema);
  app.addSchema(ImageSummarySchema);
  app.addSchema(ProvenanceImageSchema);
  app.addSchema(ProvenanceSchema);
  app.addSchema(ImageSchema);

  await app.register(swagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Customs',
        description: 'Container image certification: images, content, vulnerabilities, policy checks.',
        version: customsVersion(),
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer', description: 'An API key: cus_<keyId>_<secret>' },
          basic: { type: 'http', scheme: 'basic', description: 'Any user name, the API key as the password' },
        },
      },
    },
    refResolver: { buildLocalReference: (json, _baseUri, _fragment, i) => String(json.$id ?? `def-${i}`) },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', uiConfig: { url: '/openapi.json' } });
  await app.register(multipart, {
    limits: { fileSize: deps.maxUploadBytes ?? 8 * 1024 ** 3, files: 1, fields: 10 },
  });

  app.setErrorHandler((error, request, reply) => sendError(request, reply, error));
  app.setNotFoundHandler((request, reply) =>
    reply
      .status(404)
      .send({ error: { code: 'not-found', message: `no route ${request.method} ${request.url}` } }),
  );

  await registerRateLimits(app as unknown as FastifyInstance, deps.rateLimits ?? DEFAULT_RATE_LIMITS);
  app.addHook('onRequest', async (request) => {
    if (request.routeOptions.config.public) return;
    const path = request.url.split('?')[0] ?? '';
    if (PUBLIC_PREFIXES.some((p) => path === p || path.startsWith(`${p}/`))) return;
    if (request.routeOptions.url === undefined) return; // no such route: the 404 handler answers
    request.principal = await authenticate(deps.store, request.headers.authorization, deps.now);
  });

  app.addHook('onResponse', async (request, reply) => {
    const route = request.routeOptions.url ?? 'unmatched';
    metrics.observe(request.method, route, reply.statusCode, reply.elapsedTime / 1000);
  });

  app.get('/openapi.json', { config: { public: true }, schema: { hide: true } }, async () => app.swagger());
  const webDir = deps.webDir === false ? undefined : (deps.webDir ?? webAssetsDir());
  if (webDir) await registerWebUi(app as unknown as FastifyInstance, webDir);

  await app.register(systemRoutes, {
    store: deps.store,
    queue: deps.queue,
    metrics,
    ...(deps.metricsKey !== undefined ? { metricsKey: deps.metricsKey } : {}),
  });
  await app.register(
    async (v1) => {
      for (const routes of [
        imageRoutes,
        contentRoutes,
        checkRoutes,
        policyRoutes,
        registryRoutes,
        watchRoutes,
        feedQueryRoutes,
        accountRoutes,
        admissionRoutes,
        webhookRoutes,
        subscriptionRoutes,
        eventRoutes,
        trendRoutes,
      ])
        await v1.register(routes, { services });
    },
    { prefix: '/v1' },
  );
  await app.register(harborRoutes, { prefix: '/api/v1', services });
  return app;
}
