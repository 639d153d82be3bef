import { Type, type Static } from '@sinclair/typebox';
import { shapeProblems, type ShapeProblem } from '../../schema/shape-problems.js';

/** Harbor's ScanRequest (pluggable scanner spec 1.0–1.2), as TypeBox: the route validates with it. */
export const HarborScanRequestSchema = Type.Object(
  {
    registry: Type.Object({
      url: Type.String({ minLength: 1, description: 'Base URL of the Docker Registry v2 API' }),
      authorization: Type.Optional(
        Type.String({
          description: 'The Authorization header value for the registry (Basic robot credentials)',
        }),
      ),
    }),
    artifact: Type.Object({
      repository: Type.String({ minLength: 1 }),
      digest: Type.String({ pattern: '^sha256:[0-9a-f]{64}$' }),
      tag: Type.Optional(Type.String()),
      mime_type: Type.Optional(Type.String()),
    }),
    enabled_capabilities: Type.Optional(
      Type.Array(
        Type.Object({
          type: Type.String(),
          produces_mime_types: Type.Optional(Type.Array(Type.String())),
          parameters: Type.Optional(Type.Unknown()),
        }),
      ),
    ),
  },
  { $id: 'HarborScanRequest' },
);

export type HarborScanRequest = Static<typeof HarborScanRequestSchema>;

/** What the adapter needs of a scan request, read and checked. */
export interface HarborScanTarget {
  /** host[:port] of the registry. */
  registry: string;
  /** The registry URL is plain HTTP (Harbor's own registry behind an http:// core URL). */
  insecure: boolean;
  repository: string;
  digest: string;
  tag?: string;
  /** The pull reference by digest: registry/repository@sha256:… */
  reference: string;
  credentials?: { username: string; password: string };
}

export type ScanRequestProblems = { problems: ShapeProblem[] };

/**
 * Reads a scan request: problems (each with its path) for a body that is not a ScanRequest, a
 * registry URL that is not http(s), an authorization that is not Basic credentials, or a
 * vulnerability capability not asked for (sbom-only requests are not something Customs makes).
 */
export function readScanRequest(body: unknown): HarborScanTarget | ScanRequestProblems {
  const shape = shapeProblems(HarborScanRequestSchema, body);
  if (shape.length > 0) return { problems: shape };
  const request = body as HarborScanRequest;
  const problems: ShapeProblem[] = [];
  const problem = (segments: (string | number)[], message: string, value?: unknown): void => {
    problems.push({
      segments,
      path: `$.${segments.join('.')}`,
      message,
      ...(value !== undefined ? { value } : {}),
    });
  };

  let url: URL | undefined;
  try {
    url = new URL(request.registry.url);
  } catch {
    problem(['registry', 'url'], 'is not a URL', request.registry.url);
  }
  if (url && url.protocol !== 'https:' && url.protocol !== 'http:') {
    problem(['registry', 'url'], 'must be an http:// or https:// URL', request.registry.url);
  }

  let credentials: HarborScanTarget['credentials'];
  const authorization = request.registry.authorization?.trim();
  if (authorization) {
    credentials = basicCredentials(authorization);
    if (!credentials) {
      problem(['registry', 'authorization'], 'must be Basic credentials (a Harbor robot account)');
    }
  }

  const capabilities = request.enabled_capabilities;
  if (capabilities && capabilities.length > 0 && !capabilities.some((c) => c.type === 'vulnerability')) {
    problem(['enabled_capabilities'], 'asks for no vulnerability report: Customs only has that capability');
  }
  if (problems.length > 0 || !url) return { problems };

  const registry = url.host;
  const repository = request.artifact.repository.replace(/^\/+|\/+$/g, '');
  return {
    registry,
    insecure: url.protocol === 'http:',
    repository,
    digest: request.artifact.digest,
    ...(request.artifact.tag ? { tag: request.artifact.tag } : {}),
    reference: `${registry}/${repository}@${request.artifact.digest}`,
    ...(credentials ? { credentials } : {}),
  };
}

function basicCredentials(header: string): { username: string; password: string } | undefined {
  const match = /^basic\s+([A-Za-z0-9+/=_-]+)$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon <= 0) return undefined;
  return { username: decoded.slice(0, colon), password: decoded.slice(colon + 1) };
}
