/**
 * A fault-injecting HTTP proxy for tests, placed in front of a real registry (plain HTTP). It
 * forwards every request and, for the requests a fault matches (blob GETs by default), breaks the
 * answer the way real networks and registries do: 5xx, 429 with Retry-After, a reset or a stall
 * in the middle of the body, a slow drip, a wrong Content-Length, a redirect to another host.
 * A fault applies to the first `times` matching requests; the rest pass through untouched.
 */
import { createServer, request, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo, Socket } from 'node:net';

export type Fault =
  /** Answers `status` (with `Retry-After: retryAfter` when given) instead of forwarding. */
  | { kind: 'status'; status: number; retryAfter?: string }
  /** Sends the headers and `afterBytes` of the body, then resets the connection. */
  | { kind: 'reset'; afterBytes: number }
  /** Sends the headers and `afterBytes` of the body, then sends nothing more (socket kept open). */
  | { kind: 'stall'; afterBytes: number }
  /** Sends the body `chunkBytes` at a time, one chunk every `intervalMs`. */
  | { kind: 'drip'; chunkBytes: number; intervalMs: number }
  /** Announces and sends `missingBytes` fewer bytes than the blob has, and ends cleanly. */
  | { kind: 'short-length'; missingBytes: number }
  /** Announces `extraBytes` more than it sends, then closes the connection. */
  | { kind: 'long-length'; extraBytes: number }
  /** Answers 307 to the same path on a second origin (a "blob store"). */
  | { kind: 'redirect' };

export interface FaultRule {
  fault: Fault;
  /** How many matching requests get the fault (default: every one). */
  times?: number;
  /** Which requests: `blob` (GET /v2/.../blobs/...), `manifest`, or any path containing it. */
  match?: 'blob' | 'manifest' | string;
}

export interface SeenRequest {
  method: string;
  path: string;
  range: string | undefined;
  authorization: boolean;
  /** The fault applied, if any. */
  fault: Fault['kind'] | undefined;
}

export interface FaultProxy {
  /** `127.0.0.1:<port>` of the proxy (the "registry" the client talks to). */
  host: string;
  /** `127.0.0.1:<port>` of the second origin redirects point to. */
  storeHost: string;
  /** False: the registry serves no ranges (Range dropped, Accept-Ranges removed). Default true. */
  ranges: boolean;
  /** Replaces the faults (and their counters). */
  setFaults(rules: FaultRule[]): void;
  /** Every request the proxy received, in order. */
  requests: SeenRequest[];
  /** Every request the blob store received, in order. */
  storeRequests: SeenRequest[];
  /** Forgets recorded requests. */
  reset(): void;
  stop(): Promise<void>;
}

interface ActiveRule extends FaultRule {
  used: number;
}

export interface FaultProxyOptions {
  /** `host:port` of the real registry (plain HTTP). */
  upstream: string;
  /** Demand HTTP Basic credentials (a 401 challenge when they are missing). */
  basicAuth?: { user: string; password: string };
  /** Demand a bearer token from the proxy's own `/token` (which any client may have). */
  bearer?: boolean;
}

function listen(server: Server): Promise<number> {
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function closeServer(server: Server, sockets: Set<Socket>): Promise<void> {
  return new Promise((resolve) => {
    for (const socket of sockets) socket.destroy();
    server.closeAllConnections();
    server.close(() => resolve());
  });
}

function track(server: Server, sockets: Set<Socket>): void {
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
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

const BLOB_PATH = /^\/v2\/.+\/blobs\/[a-z0-9]+:[a-f0-9]+$/;
const MANIFEST_PATH = /^\/v2\/.+\/manifests\//;

function matches(rule: FaultRule, method: string, path: string): boolean {
  const match = rule.match ?? 'blob';
  if (match === 'blob') return method === 'GET' && BLOB_PATH.test(path);
  if (match === 'manifest') return method === 'GET' && MANIFEST_PATH.test(path);
  return path.includes(match);
}

/** Forwards `req` to `upstream` (without the client's Authorization) and hands over the answer. */
function forward(
  upstream: string,
  req: IncomingMessage,
  path: string,
  res: ServerResponse,
): Promise<IncomingMessage> {
  const headers = { ...req.headers, host: upstream };
  delete headers['authorization'];
  const [hostname, port] = upstream.split(':') as [string, string];
  return new Promise((resolve, reject) => {
    const out = request({ hostname, port: Number(port), method: req.method, path, headers }, resolve);
    out.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502, { 'content-type': 'text/plain' });
      res.end(`proxy error: ${err.message}`);
      reject(err);
    });
    req.pipe(out);
  });
}

const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

export async function startFaultProxy(options: FaultProxyOptions): Promise<FaultProxy> {
  let rules: ActiveRule[] = [];
  const sockets = new Set<Socket>();
  const storeSockets = new Set<Socket>();
  const expected = options.basicAuth
    ? `Basic ${Buffer.from(`${options.basicAuth.user}:${options.basicAuth.password}`).toString('base64')}`
    : undefined;

  const state: FaultProxy = {
    host: '',
    storeHost: '',
    requests: [],
    storeRequests: [],
    ranges: true,
    setFaults(next) {
      rules = next.map((r) => ({ ...r, used: 0 }));
    },
    reset() {
      state.requests.length = 0;
      state.storeRequests.length = 0;
    },
    stop: async () => {
      await Promise.all([closeServer(server, sockets), closeServer(store, storeSockets)]);
    },
  };

  const pickFault = (method: string, path: string): Fault | undefined => {
    for (const rule of rules) {
      if (!matches(rule, method, path)) continue;
      if (rule.used >= (rule.times ?? Infinity)) continue;
      rule.used++;
      return rule.fault;
    }
    return undefined;
  };

  const serve = async (req: IncomingMessage, res: ServerResponse, path: string, fault: Fault | undefined) => {
    if (fault?.kind === 'status') {
      const headers: Record<string, string> = { 'content-type': 'application/json' };
      if (fault.retryAfter !== undefined) headers['retry-after'] = fault.retryAfter;
      res.writeHead(fault.status, headers);
      res.end('{"errors":[{"code":"UNAVAILABLE","message":"injected fault"}]}');
      return;
    }
    if (fault?.kind === 'redirect') {
      res.writeHead(307, { location: `http://${state.storeHost}${path}` });
      res.end();
      return;
    }
    if (!state.ranges) delete req.headers['range'];
    const up = await forward(options.upstream, req, path, res);
    if (!state.ranges) delete up.headers['accept-ranges'];
    const status = up.statusCode ?? 502;
    if (!fault || (status !== 200 && status !== 206) || req.method === 'HEAD') {
      res.writeHead(status, up.headers);
      up.pipe(res);
      return;
    }
    const body = await readAll(up);
    const headers = { ...up.headers };
    const socket = res.socket!;
    switch (fault.kind) {
      case 'reset':
      case 'stall': {
        res.writeHead(status, headers);
        res.write(body.subarray(0, Math.min(fault.afterBytes, body.length - 1)));
        if (fault.kind === 'reset') setTimeout(() => socket.resetAndDestroy(), 20);
        return; // a stall leaves the response open until the client gives up
      }
      case 'drip': {
        res.writeHead(status, headers);
        for (let at = 0; at < body.length; at += fault.chunkBytes) {
          if (socket.destroyed) return;
          res.write(body.subarray(at, at + fault.chunkBytes));
          await sleep(fault.intervalMs);
        }
        res.end();
        return;
      }
      case 'short-length': {
        const sent = body.subarray(0, Math.max(0, body.length - fault.missingBytes));
        headers['content-length'] = String(sent.length);
        res.writeHead(status, headers);
        res.end(sent);
        return;
      }
      case 'long-length': {
        headers['content-length'] = String(body.length + fault.extraBytes);
        res.writeHead(status, headers);
        res.write(body, () => setTimeout(() => socket.destroy(), 20));
        return;
      }
    }
  };

  const tokens = new Set<string>();
  const server = createServer((req, res) => {
    const path = req.url ?? '/';
    const pathname = path.split('?')[0]!;
    const seen: SeenRequest = {
      method: req.method ?? 'GET',
      path: pathname,
      range: req.headers['range'],
      authorization: req.headers['authorization'] !== undefined,
      fault: undefined,
    };
    state.requests.push(seen);
    if (options.bearer && pathname === '/token') {
      const fault = pickFault(req.method ?? 'GET', pathname);
      seen.fault = fault?.kind;
      if (fault?.kind === 'reset') {
        req.socket.resetAndDestroy();
        return;
      }
      if (fault) {
        serve(req, res, path, fault).catch(() => res.destroy());
        return;
      }
      const token = `t${tokens.size + 1}`;
      tokens.add(token);
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ token }));
      return;
    }
    const auth = req.headers['authorization'];
    const bearerOk = auth?.startsWith('Bearer ') && tokens.has(auth.slice('Bearer '.length));
    if ((expected && auth !== expected) || (options.bearer && !bearerOk)) {
      const challenge = options.bearer
        ? `Bearer realm="http://${state.host}/token",service="fault-proxy"`
        : 'Basic realm="fault-proxy"';
      res.writeHead(401, { 'www-authenticate': challenge, 'content-type': 'application/json' });
      res.end('{"errors":[{"code":"UNAUTHORIZED"}]}');
      return;
    }
    const fault = pickFault(req.method ?? 'GET', pathname);
    seen.fault = fault?.kind;
    serve(req, res, path, fault).catch(() => res.destroy());
  });

  const store = createServer((req, res) => {
    const path = req.url ?? '/';
    state.storeRequests.push({
      method: req.method ?? 'GET',
      path: path.split('?')[0]!,
      range: req.headers['range'],
      authorization: req.headers['authorization'] !== undefined,
      fault: undefined,
    });
    forward(options.upstream, req, path, res).then(
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
      () => undefined,
    );
  });

  track(server, sockets);
  track(store, storeSockets);
  state.host = `127.0.0.1:${await listen(server)}`;
  state.storeHost = `127.0.0.1:${await listen(store)}`;
  return state;
}
