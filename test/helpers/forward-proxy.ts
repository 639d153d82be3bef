/**
 * A small forward proxy for tests, like the ones CI machines sit behind: CONNECT tunnels
 * (what clients use for https, and undici for http too) and plain HTTP requests in absolute form
 * (`GET http://host/path`). `hosts` maps names that do not resolve (`feeds.customs.invalid`) to
 * `127.0.0.1:port`, so a request that arrives there can only have come through the proxy.
 */
import { createServer, request, type Server } from 'node:http';
import { connect, type AddressInfo, type Socket } from 'node:net';

export interface ForwardProxy {
  /** `http://127.0.0.1:<port>` */
  url: string;
  /** `host:port` of every CONNECT, in order. */
  tunnels: string[];
  /** Absolute URLs of every plain HTTP request, in order. */
  forwarded: string[];
  reset(): void;
  stop(): Promise<void>;
}

export async function startForwardProxy(hosts: Record<string, string> = {}): Promise<ForwardProxy> {
  const sockets = new Set<Socket>();
  const target = (hostPort: string): { host: string; port: number } => {
    const mapped = hosts[hostPort] ?? hostPort;
    const colon = mapped.lastIndexOf(':');
    return { host: mapped.slice(0, colon), port: Number(mapped.slice(colon + 1)) };
  };

  const server: Server = createServer((req, res) => {
    state.forwarded.push(req.url ?? '');
    let url: URL;
    try {
      url = new URL(req.url ?? '');
    } catch {
      res.writeHead(400).end('absolute URL expected');
      return;
    }
    const { host, port } = target(`${url.hostname}:${url.port || '80'}`);
    const headers = { ...req.headers };
    delete headers['proxy-connection'];
    const out = request(
      { host, port, method: req.method, path: url.pathname + url.search, headers },
      (up) => {
        res.writeHead(up.statusCode ?? 502, up.headers);
        up.pipe(res);
      },
    );
    out.on('error', (err) => {
      if (!res.headersSent) res.writeHead(502);
      res.end(`proxy: ${err.message}`);
    });
    req.pipe(out);
  });

  server.on('connect', (req, client: Socket, head: Buffer) => {
    state.tunnels.push(req.url ?? '');
    const { host, port } = target(req.url ?? '');
    const upstream = connect(port, host, () => {
      client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
      if (head.length > 0) upstream.write(head);
      upstream.pipe(client);
      client.pipe(upstream);
    });
    sockets.add(client);
    sockets.add(upstream);
    const end = (): void => {
      client.destroy();
      upstream.destroy();
    };
    upstream.on('error', () => {
      if (client.writable) client.end('HTTP/1.1 502 Bad Gateway\r\n\r\n');
      end();
    });
    client.on('error', end);
    client.on('close', () => sockets.delete(client));
    upstream.on('close', () => sockets.delete(upstream));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });

  const state: ForwardProxy = {
    url: '',
    tunnels: [],
    forwarded: [],
    reset() {
      state.tunnels.length = 0;
      state.forwarded.length = 0;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  state.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return state;
}
