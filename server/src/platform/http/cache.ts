import type { FastifyInstance } from 'fastify';

/**
 * Every API answer says `Cache-Control: no-store` unless its route declares `config.cache` (public
 * data, the same for everyone) and it succeeded. The default is the safe one, so a new route with
 * personal data cannot be kept by a browser, a proxy or a shared computer by forgetting a header.
 * Pages and assets of the web app (outside `/api/`) keep the headers they set themselves.
 */
export function installCachePolicy(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply, payload) => {
    const cache = request.routeOptions.config?.cache;
    if (cache && reply.statusCode < 300) {
      reply.header('cache-control', `public, max-age=${cache.maxAgeSeconds}`);
    } else if (reply.statusCode >= 400 || request.url.startsWith('/api/')) {
      reply.header('cache-control', 'no-store');
    }
    return payload;
  });
}
