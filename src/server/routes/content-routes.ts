import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { CONTENT_TYPES, METADATA_TYPES } from '../services/content-service.js';
import { VULN_TYPES } from '../services/vulnerability-service.js';
import { AnyJson, DigestParams, SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const literals = <T extends string>(values: readonly T[]) => Type.Union(values.map((v) => Type.Literal(v)));

const VulnerabilitySchema = Type.Object({
  vuln: Type.String(),
  severity: Type.String(),
  package: Type.String(),
  package_name: Type.String(),
  package_version: Type.String(),
  package_type: Type.String(),
  package_path: Type.String(),
  fix: Type.String(),
  fix_state: Type.String(),
  will_not_fix: Type.Boolean(),
  url: Type.String(),
  feed: Type.String(),
  feed_group: Type.String(),
  aliases: Type.Array(Type.String()),
  kev: Type.Optional(Type.Boolean()),
  epss: Type.Optional(Type.Number()),
});

export const contentRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.get(
    '/images/:digest/content',
    {
      schema: {
        tags: ['content'],
        summary: 'The content types an analyzed image has',
        security: SECURITY,
        params: DigestParams,
        response: withErrors(
          { 200: Type.Object({ imageDigest: Type.String(), content_types: Type.Array(Type.String()) }) },
          400,
          404,
        ),
      },
    },
    async (request) => ({
      imageDigest: request.params.digest,
      content_types: await services.content.contentTypes(accountOf(request), request.params.digest),
    }),
  );

  app.get(
    '/images/:digest/content/:ctype',
    {
      schema: {
        tags: ['content'],
        summary: 'Packages of one type, files, secrets (redacted), users or retrieved files',
        security: SECURITY,
        params: Type.Object({ ...DigestParams.properties, ctype: literals(CONTENT_TYPES) }),
        response: withErrors(
          {
            200: Type.Object({
              imageDigest: Type.String(),
              content_type: Type.String(),
              content: Type.Array(AnyJson),
            }),
          },
          400,
          404,
        ),
      },
    },
    async (request) => ({
      imageDigest: request.params.digest,
      content_type: request.params.ctype,
      content: await services.content.content(
        accountOf(request),
        request.params.digest,
        request.params.ctype,
      ),
    }),
  );

  app.get(
    '/images/:digest/metadata/:mtype',
    {
      schema: {
        tags: ['content'],
        summary: 'The manifest, the reconstructed Dockerfile or the history',
        security: SECURITY,
        params: Type.Object({ ...DigestParams.properties, mtype: literals(METADATA_TYPES) }),
        response: withErrors(
          {
            200: Type.Object({ imageDigest: Type.String(), metadata_type: Type.String(), metadata: AnyJson }),
          },
          400,
          404,
        ),
      },
    },
    async (request) => ({
      imageDigest: request.params.digest,
      metadata_type: request.params.mtype,
      metadata: await services.content.metadata(
        accountOf(request),
        request.params.digest,
        request.params.mtype,
      ),
    }),
  );

  app.get(
    '/images/:digest/vuln/:vtype',
    {
      schema: {
        tags: ['vulnerabilities'],
        summary: 'Vulnerabilities of the latest scan: os, non-os or all, with fix state',
        description:
          '?format=native answers with the stored customs-scan/1 report itself (matches of the asked family), which every `customs scan -o` format renders.',
        security: SECURITY,
        params: Type.Object({ ...DigestParams.properties, vtype: literals(VULN_TYPES) }),
        querystring: Type.Object({
          format: Type.Union([Type.Literal('anchore'), Type.Literal('native')], { default: 'anchore' }),
        }),
        response: withErrors(
          {
            200: Type.Union([
              Type.Object({
                imageDigest: Type.String(),
                vulnerability_type: Type.String(),
                scanned_at: Type.String(),
                vulnerabilities: Type.Array(VulnerabilitySchema),
              }),
              Type.Object(
                { schema: Type.Literal('customs-scan/1') },
                { additionalProperties: true, description: 'The customs-scan/1 report' },
              ),
            ]),
          },
          400,
          404,
        ),
      },
    },
    async (request) =>
      request.query.format === 'native'
        ? services.vulnerabilities.nativeReport(
            accountOf(request),
            request.params.digest,
            request.params.vtype,
          )
        : services.vulnerabilities.vulnerabilities(
            accountOf(request),
            request.params.digest,
            request.params.vtype,
          ),
  );
};
