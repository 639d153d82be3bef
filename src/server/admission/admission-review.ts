import { UsageError } from '../../errors/index.js';

/**
 * The parts of a Kubernetes `AdmissionReview` (admission.k8s.io/v1) a validating webhook reads.
 * The API server sends the whole object under review; Customs reads its kind and pod spec only.
 */
export interface AdmissionRequest {
  uid: string;
  kind: { group: string; version: string; kind: string };
  resource?: { group: string; version: string; resource: string };
  subResource?: string;
  name?: string;
  namespace?: string;
  operation: string;
  dryRun?: boolean;
  object?: unknown;
}

export interface AdmissionReviewRequest {
  apiVersion: string;
  kind: 'AdmissionReview';
  request: AdmissionRequest;
}

export interface AdmissionResponse {
  uid: string;
  allowed: boolean;
  status?: { code: number; reason?: string; message: string };
  warnings?: string[];
  auditAnnotations?: Record<string, string>;
}

export interface AdmissionReviewResponse {
  apiVersion: string;
  kind: 'AdmissionReview';
  response: AdmissionResponse;
}

const API_VERSION = 'admission.k8s.io/v1';

/**
 * Reads an AdmissionReview body; anything else is a UsageError naming what is wrong (the API
 * server then applies the webhook's own failurePolicy).
 */
export function parseAdmissionReview(body: unknown): AdmissionReviewRequest {
  if (!isObject(body)) throw new UsageError('the body is not an AdmissionReview object');
  if (body.kind !== 'AdmissionReview') throw new UsageError('kind must be AdmissionReview');
  if (body.apiVersion !== API_VERSION)
    throw new UsageError(`apiVersion must be ${API_VERSION} (got ${String(body.apiVersion)})`);
  const request = body.request;
  if (!isObject(request)) throw new UsageError('request is missing');
  if (typeof request.uid !== 'string' || request.uid === '') throw new UsageError('request.uid is missing');
  const kind = request.kind;
  if (!isObject(kind) || typeof kind.kind !== 'string')
    throw new UsageError('request.kind must be a group/version/kind object');
  if (typeof request.operation !== 'string') throw new UsageError('request.operation is missing');
  return {
    apiVersion: API_VERSION,
    kind: 'AdmissionReview',
    request: {
      uid: request.uid,
      kind: { group: str(kind.group), version: str(kind.version), kind: kind.kind },
      ...(typeof request.subResource === 'string' ? { subResource: request.subResource } : {}),
      ...(typeof request.name === 'string' ? { name: request.name } : {}),
      ...(typeof request.namespace === 'string' ? { namespace: request.namespace } : {}),
      operation: request.operation,
      ...(request.dryRun === true ? { dryRun: true } : {}),
      ...(request.object !== undefined && request.object !== null ? { object: request.object } : {}),
    },
  };
}

export function reviewResponse(response: AdmissionResponse): AdmissionReviewResponse {
  return { apiVersion: API_VERSION, kind: 'AdmissionReview', response };
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function str(value: unknown): string {
  return typeof value === 'string' ? value : '';
}
