/**
 * A small HTTP reverse proxy in front of a real registry, for tests:
 * - bearer mode: challenges with `Bearer realm=".../token",service="test-registry"`, issues
 *   tokens from `/token` against basic credentials, forwards authorised requests;
 * - redirectBlobs: answers blob GETs with a 307 to a second "blob store" origin that refuses
 *   requests carrying an Authorization header (like S3 with a presigned URL);
 * - misbehaviour modes that corrupt what the registry answers.
 */
import { randomBytes } from 'node:crypto';
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type Misbehaviour =
  | 'none'
  | 'corrupt-layers'
  /** Flips a byte in the middle of every blob, whatever it holds. */
  | 'corrupt-blobs'
  | 'manifest-not-json'
  | 'unknown-media-type'
  | 'schema1'
  /** Re-serialises manifests (same JSON, other bytes) and drops Docker-Content-Digest. */
  | 'manifest-altered'
  /** Re-serialises manifests and keeps the registry's Docker-Content-Digest header. */
  | 'manifest-altered-keep-header';

export interface ProxyOptions {
  /** `host:port` of the real registry (plain HTTP, no auth). */
  upstream: string;
  bearer?: { user: string; password: string };
  redirectBlobs?: boolean;
}

export interface RunningProxy {
  host: string;
  misbehaviour: Misbehaviour;
  /** Tokens issued by `/token` so far. */
  tokensIssued: number;
  /** Scopes asked of `/token`. */
  scopes: string[];
  /** Requests that reached the blob store carrying an Authorization header. */
  leakedAuthorization: number;
  stop(): Promise<void>;
}

export const TEST_SERVICE = 'test-registry';
const UNKNOWN_MEDIA_TYPE = 'application/vnd.customs.test.unknown+json';

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function close(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    stream.on('data', (c: Buffer) => chunks.push(c));
    stream.on('end', () => resolve(Buffer.concat(chunks)));
    stream.on('error', reject);
  });
}

function forward(
  upstream: string,
  req: IncomingMessage,
  path: string,
  onResponse: (res: IncomingMessage) => void,
  onError: (err: Error) => void,
): void {
  const headers = { ...req.headers };
  delete headers['authorization'];
  headers['host'] = upstream;
  const [hostname, port] = upstream.split(':') as [string, string];
  const out = request({ hostname, port: Number(port), method: req.method, path, headers }, onResponse);
  out.on('error', onError);
  req.pipe(out);
}

export async function startProxy(options: ProxyOptions): Promise<RunningProxy> {
  const tokens = new Set<string>();
  let proxyHost = '';
  let blobStoreHost = '';

  const state: RunningProxy = {
    host: '',
    misbehaviour: 'none',
    tokensIssued: 0,
    scopes: [],
    leakedAuthorization: 0,
    stop: async () => {
      await Promise.all([close(server), close(blobStore)]);
    },
  };

  const fail = (res: ServerResponse) => (err: Error) => {
    if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
    res.end(`proxy error: ${err.message}`);
  };

  const blobStore = createServer((req, res) => {
    if (req.headers['authorization']) {
      state.leakedAuthorization++;
      res.writeHead(400, { 'content-type': 'text/plain' });
      res.end('Authorization header must not be sent to the blob store');
      return;
    }
    const path = (req.url ?? '').replace(/^\/store/, '');
    forward(
      options.upstream,
      req,
      path,
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
      fail(res),
    );
  });

  const server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', `http://${proxyHost}`);
    if (options.bearer && url.pathname === '/token') {
      const expected = `Basic ${Buffer.from(`${options.bearer.user}:${options.bearer.password}`).toString('base64')}`;
      if (req.headers['authorization'] !== expected) {
        res.writeHead(401, { 'content-type': 'application/json' });
        res.end('{"details":"incorrect username or password"}');
        return;
      }
      state.scopes.push(url.searchParams.get('scope') ?? '');
      const token = randomBytes(16).toString('hex');
      tokens.add(token);
      state.tokensIssued++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token, access_token: token, expires_in: 300 }));
      return;
    }
    if (options.bearer) {
      const auth = req.headers['authorization'] ?? '';
      const token = auth.startsWith('Bearer ') ? auth.slice('Bearer '.length) : '';
      if (!tokens.has(token)) {
        const repo = /^\/v2\/(.+)\/(manifests|blobs|tags)\//.exec(url.pathname)?.[1];
        const scope = repo ? `,scope="repository:${repo}:pull"` : '';
        res.writeHead(401, {
          'content-type': 'application/json',
          'www-authenticate': `Bearer realm="http://${proxyHost}/token",service="${TEST_SERVICE}"${scope}`,
        });
        res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
        return;
      }
    }
    const isBlob = /^\/v2\/.+\/blobs\/sha256:[a-f0-9]{64}$/.test(url.pathname);
    const isManifest = /^\/v2\/.+\/manifests\//.test(url.pathname);
    if (options.redirectBlobs && isBlob && req.method === 'GET') {
      res.writeHead(307, { location: `http://${blobStoreHost}/store${url.pathname}` });
      res.end();
      return;
    }
    forward(
      options.upstream,
      req,
      url.pathname + url.search,
      (up) => {
        const mode = state.misbehaviour;
        const status = up.statusCode ?? 502;
        const rewriteManifest =
          isManifest && status === 200 && mode !== 'none' && !mode.startsWith('corrupt-');
        const rewriteBlob = isBlob && status === 200 && mode.startsWith('corrupt-');
        if (!rewriteManifest && !rewriteBlob) {
          res.writeHead(status, up.headers);
          up.pipe(res);
          return;
        }
        readAll(up).then((body) => {
          const headers = { ...up.headers };
          let out = body;
          if (rewriteBlob && (mode === 'corrupt-blobs' || (body[0] === 0x1f && body[1] === 0x8b))) {
            out = Buffer.from(body);
            const at = Math.floor(out.length / 2);
            out[at] = out[at]! ^ 0xff;
          } else if (rewriteManifest) {
            out = rewriteManifestBody(body, mode, headers);
          }
          headers['content-length'] = String(out.length);
          res.writeHead(status, headers);
          res.end(req.method === 'HEAD' ? undefined : out);
        }, fail(res));
      },
      fail(res),
    );
  });

  const port = await listen(server);
  const blobPort = await listen(blobStore);
  proxyHost = `127.0.0.1:${port}`;
  blobStoreHost = `127.0.0.1:${blobPort}`;
  state.host = proxyHost;
  return state;
}

function rewriteManifestBody(
  body: Buffer,
  mode: Misbehaviour,
  headers: Record<string, string | string[] | undefined>,
): Buffer {
  const doc = JSON.parse(body.toString('utf8')) as Record<string, unknown>;
  switch (mode) {
    case 'manifest-not-json':
      delete headers['docker-content-digest'];
      return Buffer.from('<html><body>502 Bad Gateway</body></html>');
    case 'unknown-media-type':
      delete headers['docker-content-digest'];
      headers['content-type'] = UNKNOWN_MEDIA_TYPE;
      return Buffer.from(JSON.stringify({ ...doc, mediaType: UNKNOWN_MEDIA_TYPE }));
    case 'schema1':
      delete headers['docker-content-digest'];
      headers['content-type'] = 'application/vnd.docker.distribution.manifest.v1+prettyjws';
      return Buffer.from(
        JSON.stringify({ schemaVersion: 1, name: 'x', tag: 'y', fsLayers: [], history: [] }),
      );
    case 'manifest-altered':
      delete headers['docker-content-digest'];
      return Buffer.from(JSON.stringify(doc, null, 2));
    case 'manifest-altered-keep-header':
      return Buffer.from(JSON.stringify(doc, null, 2));
    default:
      return body;
  }
}

export { UNKNOWN_MEDIA_TYPE };
