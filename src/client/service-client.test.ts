import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ServiceClient, ServiceResponseError } from './service-client.js';

// The client's side of the service's HTTP conventions, against a plain HTTP server that answers
// as the service does: bearer key in, `{error: {code, message}}` out.
const KEY = 'cus_k1_c2VjcmV0LXNlY3JldA';
let server: Server;
let url: string;
const seen: { method?: string; url?: string; auth?: string; body?: string }[] = [];

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve) => {
    let text = '';
    req.on('data', (chunk: Buffer) => (text += chunk.toString()));
    req.on('end', () => resolve(text));
  });
}

beforeAll(async () => {
  server = createServer((req, res) => {
    void readBody(req).then((body) => {
      seen.push({ method: req.method, url: req.url, auth: req.headers.authorization, body });
      const reply = (status: number, doc: unknown): void => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(doc));
      };
      if (req.headers.authorization !== `Bearer ${KEY}`)
        return reply(401, { error: { code: 'unauthorized', message: 'a valid API key is required' } });
      switch (req.url?.split('?')[0]) {
        case '/v1/images':
          return reply(200, { items: [], total: 0, echo: body === '' ? null : JSON.parse(body) });
        case '/v1/missing':
          return reply(404, { error: { code: 'not-found', message: 'no image sha256:ab' } });
        case '/v1/conflict':
          return reply(409, { error: { code: 'conflict', message: 'policy p1 is active' } });
        case '/v1/broken':
          res.writeHead(502);
          return res.end('bad gateway');
        default:
          return reply(500, { error: { code: 'internal', message: 'boom' } });
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('ServiceClient', () => {
  it('sends the key as a bearer token, the query and a JSON body', async () => {
    const client = new ServiceClient({ url: `${url}/`, apiKey: KEY });
    const answer = await client.post<{ echo: unknown }>(
      '/v1/images',
      { tag: 'a:1' },
      { force: true, skip: undefined },
    );
    expect(answer.echo).toEqual({ tag: 'a:1' });
    expect(seen.at(-1)).toMatchObject({
      method: 'POST',
      url: '/v1/images?force=true',
      auth: `Bearer ${KEY}`,
    });
  });

  it('turns the service errors into typed errors with one line, never the key', async () => {
    const client = new ServiceClient({ url, apiKey: KEY });
    await expect(client.get('/v1/missing')).rejects.toMatchObject({
      code: 'not-found',
      message: 'no image sha256:ab',
    });
    await expect(client.delete('/v1/conflict')).rejects.toMatchObject({ code: 'conflict' });
    const broken = await client.get('/v1/broken').catch((e: unknown) => e);
    expect(broken).toBeInstanceOf(ServiceResponseError);
    expect((broken as Error).message).toBe(`GET ${url}/v1/broken: bad gateway (HTTP 502)`);
    const wrong = await new ServiceClient({ url, apiKey: 'cus_k1_wrong' })
      .get('/v1/images')
      .catch((e: unknown) => e);
    expect(wrong).toMatchObject({ code: 'unauthorized' });
    expect((wrong as Error).message).toContain('--api-key');
    expect((wrong as Error).message).not.toContain('cus_k1_wrong');
  });

  it('says in one line that the service cannot be reached', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise<void>((resolve) => closed.close(() => resolve()));
    const err = await new ServiceClient({ url: `http://127.0.0.1:${port}`, apiKey: KEY })
      .get('/v1/images')
      .catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'service-unreachable',
      message: `cannot reach the Customs service at http://127.0.0.1:${port}: ECONNREFUSED`,
    });
  });

  it('refuses a URL that is not http(s) and a missing key', () => {
    expect(() => new ServiceClient({ url: 'ftp://x', apiKey: KEY })).toThrow('not a service URL');
    expect(() => new ServiceClient({ url, apiKey: ' ' })).toThrow('an API key is needed');
  });
});
