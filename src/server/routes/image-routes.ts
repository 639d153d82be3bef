import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { UsageError } from '../../errors/index.js';
import {
  AnalysisStatusSchema,
  DigestParams,
  PageQuery,
  SECURITY,
  withErrors,
} from './schemas/common-schemas.js';
import { AddImageBody, DerivedImagesSchema, ImageListSchema } from './schemas/image-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const imageRef = Type.Ref('Image');

export const imageRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/images',
    {
      schema: {
        tags: ['images'],
        summary: 'Add an image by tag or digest reference and queue its analysis',
        security: SECURITY,
        querystring: Type.Object({ force: Type.Boolean({ default: false }) }),
        body: AddImageBody,
        response: withErrors({ 200: imageRef }, 400, 502),
      },
    },
    async (request) => services.images.addFromRegistry(accountOf(request), request.body, request.query.force),
  );

  app.post(
    '/images/upload',
    {
      schema: {
        tags: ['images'],
        summary: 'Upload an oci/docker archive or an SBOM document (multipart, field "file")',
        description:
          'An optional "tag" field, sent before the file, names the image. An SBOM (CycloneDX, SPDX or customs-sbom/1) is stored at once and scanned; an archive is analyzed by a worker.',
        security: SECURITY,
        consumes: ['multipart/form-data'],
        response: withErrors({ 200: imageRef }, 400, 413),
      },
    },
    async (request) => {
      const accountId = accountOf(request);
      let tag: string | undefined;
      for await (const part of request.parts()) {
        if (part.type === 'field') {
          if (part.fieldname === 'tag' && typeof part.value === 'string') tag = part.value;
          continue;
        }
        if (part.fieldname !== 'file') {
          part.file.resume();
          continue;
        }
        const uploadId = await services.uploads.receive(part.file, () => part.file.truncated);
        // The rest of the form is drained before the archive is read.
        for await (const rest of request.parts()) if (rest.type === 'file') rest.file.resume();
        return services.uploads.register(accountId, uploadId, tag);
      }
      throw new UsageError('the upload needs a "file" part');
    },
  );

  app.get(
    '/images',
    {
      schema: {
        tags: ['images'],
        summary: "List the account's images",
        security: SECURITY,
        querystring: Type.Object({
          fulltag: Type.Optional(Type.String()),
          analysis_status: Type.Optional(AnalysisStatusSchema),
          ...PageQuery,
        }),
        response: withErrors({ 200: ImageListSchema }, 400),
      },
    },
    async (request) => {
      const { fulltag, analysis_status, page, limit } = request.query;
      return services.images.list(
        accountOf(request),
        { ...(fulltag !== undefined ? { fulltag } : {}), ...(analysis_status ? { analysis_status } : {}) },
        { page, limit },
      );
    },
  );

  app.get(
    '/images/:digest',
    {
      schema: {
        tags: ['images'],
        summary: 'One image',
        security: SECURITY,
        params: DigestParams,
        response: withErrors({ 200: imageRef }, 400, 404),
      },
    },
    async (request) => services.images.get(accountOf(request), request.params.digest),
  );

  app.get(
    '/images/:digest/derived',
    {
      schema: {
        tags: ['images'],
        summary: "The account's analyzed images built on this one",
        description:
          "Images whose first layer diffIds are all of this image's layers (a base chain recognised by layer prefix), fewest layers first. direct=true keeps those with no other known image in between.",
        security: SECURITY,
        params: DigestParams,
        querystring: Type.Object({ direct: Type.Optional(Type.Boolean()), ...PageQuery }),
        response: withErrors({ 200: DerivedImagesSchema }, 400, 404),
      },
    },
    async (request) => {
      const { direct, page, limit } = request.query;
      return services.images.derived(
        accountOf(request),
        request.params.digest,
        direct !== undefined ? { direct } : {},
        { page, limit },
      );
    },
  );

  app.delete(
    '/images/:digest',
    {
      schema: {
        tags: ['images'],
        summary: 'Remove an image from the account',
        security: SECURITY,
        params: DigestParams,
        response: withErrors({ 204: Type.Null() }, 400, 404),
      },
    },
    async (request, reply) => {
      await services.images.delete(accountOf(request), request.params.digest);
      return reply.status(204).send(null);
    },
  );
};
