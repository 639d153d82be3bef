// A loopback HTTP proxy in front of the test registry that records every request's method, path,
// If-None-Match header and the registry's answer, so a test can see what a watcher sent.
import { createServer, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SeenRequest {
  method: string;
  path: string;
  ifNoneMatch?: string;
  status: number;
}

export interface RecordingProxy {
  /** `127.0.0.1:<port>` */
  host: string;
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startRecordingProxy(target: { host: string; port: number }): Promise<RecordingProxy> {
  const seen: SeenRequest[] = [];
  const server: Server = createServer((req, res) => {
    const upstream = request(
      {
        host: '127.0.0.1',
        port: target.port,
        method: req.method,
        path: req.url,
        headers: { ...req.headers, host: target.host },
      },
      (up) => {
        const ifNoneMatch = req.headers['if-none-match'];
        seen.push({
          method: req.method ?? 'GET',
          path: req.url ?? '',
          ...(typeof ifNoneMatch === 'string' ? { ifNoneMatch } : {}),
          status: up.statusCode ?? 0,
        });
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  return {
    host: `127.0.0.1:${port}`,
    seen,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
