import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

/**
 * The headers every UI response carries: the page loads nothing from elsewhere (no CDN, no
 * inline script), is never framed, and sends no referrer with its links to advisories.
 */
const UI_HEADERS: Record<string, string> = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
};

/**
 * Serves the built UI under /ui/ (no key: the page asks for one and sends it with each API call)
 * and sends / there. The UI reads nothing but the public API.
 */
export async function registerWebUi(app: FastifyInstance, dir: string): Promise<void> {
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/ui/',
    index: ['index.html'],
    wildcard: true,
    // Hashed asset names never change: cache them; index.html always revalidates.
    setHeaders(res, file) {
      for (const [name, value] of Object.entries(UI_HEADERS)) res.setHeader(name, value);
      res.setHeader(
        'cache-control',
        file.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
      );
    },
  });
  app.get('/', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/ui/'),
  );
  app.get('/ui', { config: { public: true }, schema: { hide: true } }, async (_request, reply) =>
    reply.redirect('/ui/'),
  );
}
