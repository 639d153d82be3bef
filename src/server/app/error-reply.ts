import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { BundleProblemsError, isCustomsError, type CustomsError } from '../../errors/index.js';

/** One problem in a request, with its JSON path. */
export interface ProblemBody {
  path: string;
  message: string;
}

/** The one error shape every route answers with. */
export interface ErrorBody {
  error: { code: string; message: string; problems?: ProblemBody[] };
}

/** A request the routes refuse with every problem in it (a bad bundle, a bad scan request). */
export class RequestProblemsError extends Error {
  constructor(
    message: string,
    readonly problems: ProblemBody[],
  ) {
    super(message);
    this.name = 'RequestProblemsError';
  }
}

const STATUS: Partial<Record<CustomsError['code'], number>> = {
  'not-found': 404,
  conflict: 409,
  unauthorized: 401,
  forbidden: 403,
  'too-large': 413,
  usage: 400,
  policy: 400,
  'source-not-found': 400,
  'source-format': 400,
  'unsupported-media-type': 400,
  'invalid-version': 400,
  'platform-not-found': 400,
  'registry-auth': 400,
  credentials: 400,
  'address-refused': 400,
  'rate-limited': 429,
  'registry-unreachable': 502,
  'registry-response': 502,
  'registry-transfer': 502,
  store: 503,
  database: 503,
};

/** The status and body for any error a handler throws. */
export function errorReply(error: unknown): { status: number; body: ErrorBody } {
  if (error instanceof RequestProblemsError)
    return {
      status: 400,
      body: { error: { code: 'validation', message: error.message, problems: error.problems } },
    };
  if (error instanceof BundleProblemsError)
    return {
      status: 400,
      body: {
        error: {
          code: 'validation',
          message: error.message,
          problems: error.problems.map((p) => ({ path: p.path, message: p.message })),
        },
      },
    };
  if (isCustomsError(error))
    return {
      status: STATUS[error.code] ?? 500,
      body: { error: { code: error.code, message: error.message } },
    };
  const fastifyError = error as FastifyError;
  if (fastifyError.validation) {
    const problems = fastifyError.validation.map((v) => ({
      path: problemPath(fastifyError.validationContext, v.instancePath, v.params),
      message: v.message ?? 'is not valid',
    }));
    return {
      status: 400,
      body: {
        error: {
          code: 'validation',
          message: `the request is not valid: ${problems.length} problem(s)`,
          problems,
        },
      },
    };
  }
  const status = fastifyError.statusCode;
  if (status !== undefined && status >= 400 && status < 500)
    return {
      status,
      body: { error: { code: fastifyError.code ?? 'bad-request', message: fastifyError.message } },
    };
  return { status: 500, body: { error: { code: 'internal', message: 'internal error' } } };
}

/** `$.body.source.tag`, `$.querystring.limit`: where in the request the problem is. */
function problemPath(
  context: string | undefined,
  instancePath: string,
  params: Record<string, unknown> | undefined,
): string {
  const segments = instancePath.split('/').filter((s) => s !== '');
  const missing = params?.missingProperty;
  if (typeof missing === 'string') segments.push(missing);
  const extra = params?.additionalProperty;
  if (typeof extra === 'string') segments.push(extra);
  return ['$', context ?? 'body', ...segments].join('.');
}

export function sendError(request: FastifyRequest, reply: FastifyReply, error: unknown): FastifyReply {
  const { status, body } = errorReply(error);
  if (status >= 500) request.log.error({ err: error }, 'request failed');
  return reply.status(status).type('application/json').send(body);
}
