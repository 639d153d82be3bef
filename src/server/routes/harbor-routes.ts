import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { HARBOR_MIME } from '../harbor/mime-types.js';
import { AnyJson, SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

/**
 * Harbor's pluggable scanner adapter API (spec v1.2) under /api/v1. Harbor sends the scanner's
 * configured Authorization (a Customs API key as Bearer), so these routes belong to that account.
 */
export const harborRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  // Harbor's scan request comes as its own JSON media type.
  app.addContentTypeParser(
    /^application\/vnd\.scanner\.adapter\.scan\.request\+json/,
    { parseAs: 'string', bodyLimit: 1024 * 1024 },
    (_request, body, done) => {
      try {
        done(null, JSON.parse(body as string));
      } catch {
        const error = new Error('the scan request is not JSON') as Error & { statusCode: number };
        error.statusCode = 400;
        done(error, undefined);
      }
    },
  );

  app.get(
    '/metadata',
    {
      schema: {
        tags: ['harbor'],
        summary: "The scanner's metadata (Harbor adapter)",
        security: SECURITY,
        response: withErrors({ 200: AnyJson }),
      },
    },
    async (request, reply) => {
      accountOf(request);
      return reply.type(HARBOR_MIME.metadata).send(await services.harbor.metadata());
    },
  );

  app.post(
    '/scan',
    {
      schema: {
        tags: ['harbor'],
        summary: 'Accept a Harbor scan request: the artifact is added by digest and analyzed',
        security: SECURITY,
        consumes: [HARBOR_MIME.scanRequest, 'application/json'],
        body: AnyJson,
        response: withErrors({ 202: Type.Object({ id: Type.String() }) }, 400),
      },
    },
    async (request, reply) => {
      const answer = await services.harbor.scan(accountOf(request), request.body);
      return reply.status(202).type(HARBOR_MIME.scanResponse).send(answer);
    },
  );

  app.get(
    '/scan/:scanId/report',
    {
      schema: {
        tags: ['harbor'],
        summary: 'The scan report: 302 with Refresh-After while analysing, 200 when done',
        security: SECURITY,
        params: Type.Object({ scanId: Type.String({ minLength: 1 }) }),
        produces: [HARBOR_MIME.vulnerabilityReport, HARBOR_MIME.rawReport],
        response: withErrors({ 200: AnyJson, 302: Type.Null(), 500: AnyJson, 501: AnyJson }, 404),
      },
    },
    async (request, reply) => {
      const answer = await services.harbor.report(
        accountOf(request),
        request.params.scanId,
        request.headers.accept,
      );
      switch (answer.kind) {
        case 'pending':
          return reply
            .status(302)
            .header('Refresh-After', String(answer.refreshAfterSeconds))
            .header('Location', request.url)
            .send(null);
        case 'failed':
          return reply
            .status(500)
            .type(HARBOR_MIME.error)
            .send({ error: { message: answer.message } });
        case 'unacceptable':
          return reply
            .status(501)
            .type(HARBOR_MIME.error)
            .send({ error: { message: answer.message } });
        default:
          // The report's media type does not say json: fastify would not serialize it.
          return reply.status(200).type(answer.mimeType).send(JSON.stringify(answer.body));
      }
    },
  );
};
