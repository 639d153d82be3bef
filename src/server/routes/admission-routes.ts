import { Type, type FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { parseAdmissionReview } from '../admission/admission-review.js';
import { FAILURE_MODES, type FailureMode } from '../admission/admission-settings.js';
import { AnyJson, SECURITY, withErrors } from './schemas/common-schemas.js';
import { accountOf, type RouteOptions } from './route-context.js';

const AdmissionReviewResponseSchema = Type.Object({
  apiVersion: Type.Literal('admission.k8s.io/v1'),
  kind: Type.Literal('AdmissionReview'),
  response: Type.Object({
    uid: Type.String(),
    allowed: Type.Boolean(),
    status: Type.Optional(
      Type.Object({ code: Type.Integer(), reason: Type.Optional(Type.String()), message: Type.String() }),
    ),
    warnings: Type.Optional(Type.Array(Type.String())),
    auditAnnotations: Type.Optional(Type.Record(Type.String(), Type.String())),
  }),
});

const ModeParams = Type.Object({
  mode: Type.Union(
    FAILURE_MODES.map((m) => Type.Literal(m)),
    { description: 'What happens to an image that cannot be checked within the deadline' },
  ),
});

/**
 * Kubernetes admission: the API server posts an AdmissionReview (its webhook kubeconfig carries
 * the account's API key as a bearer token). One URL per failure mode, so a
 * ValidatingWebhookConfiguration picks the mode per namespace with namespaceSelector.
 */
export const admissionRoutes: FastifyPluginAsyncTypebox<RouteOptions> = async (app, { services }) => {
  app.post(
    '/admission/:mode',
    {
      schema: {
        tags: ['admission'],
        summary:
          "Validate a pod's (or workload's) container images against the active policy: a ValidatingAdmissionWebhook endpoint",
        security: SECURITY,
        params: ModeParams,
        body: AnyJson,
        response: withErrors({ 200: AdmissionReviewResponseSchema }, 400),
      },
    },
    async (request) =>
      services.admission.review(
        accountOf(request),
        parseAdmissionReview(request.body),
        request.params.mode as FailureMode,
      ),
  );
};
