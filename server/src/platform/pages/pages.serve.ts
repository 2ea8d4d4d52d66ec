import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { createAnswerCache } from './pages.cache.js';
import { pageHtml, prepareShell, renderHead, type SiteIdentity } from './pages.head.js';
import type { PageCatalogue } from './pages.registry.js';
import { robotsTxt, sitemapPart, sitemapRoot } from './pages.sitemap.js';

/** How the kernel serves public pages. */
export interface PagesOptions extends SiteIdentity {
  /** The web build's `index.html`; null when the web app is not built (no page is answered then). */
  shellHtml: string | null;
  /** How long a page's metadata is reused, here and by browsers and proxies (seconds). */
  maxAgeSeconds?: number;
  /** How many pages' metadata one instance keeps. */
  maxEntries?: number;
}

/** Answers a request for a registered public page; false when the path is no registered page. */
export type PageAnswer = (request: FastifyRequest, reply: FastifyReply) => Promise<boolean>;

const HTML = 'text/html; charset=utf-8';
/** Sitemaps are read by search engines a few times a day; rebuilding them more often than this is waste. */
const SITEMAP_MAX_AGE_SECONDS = 600;

/**
 * Registers `robots.txt`, `sitemap.xml` and its parts, and returns the page answer the SPA fallback
 * asks first. Call after every module has registered (in its factory). These routes carry no
 * `config.access`: like the web build's files they are public, the same for everyone, and hold
 * nothing a module did not publish.
 */
export function installPages(app: FastifyInstance, catalogue: PageCatalogue, options: PagesOptions): PageAnswer {
  const maxAgeSeconds = options.maxAgeSeconds ?? 60;
  const site: SiteIdentity = { publicUrl: options.publicUrl, siteName: options.siteName };
  const sitemaps = createAnswerCache<string | null>(100, SITEMAP_MAX_AGE_SECONDS * 1000);
  const publicCache = (seconds: number) => `public, max-age=${seconds}`;

  app.get('/robots.txt', { schema: { hide: true } }, async (_request, reply) =>
    reply.type('text/plain; charset=utf-8').header('cache-control', publicCache(3600)).send(robotsTxt(site.publicUrl, catalogue.crawlable())));
  app.get('/sitemap.xml', { schema: { hide: true } }, async (_request, reply) => {
    const xml = await sitemaps.get('root', () => sitemapRoot(catalogue.sitemapSources(), site.publicUrl));
    return reply.type('application/xml; charset=utf-8').header('cache-control', publicCache(SITEMAP_MAX_AGE_SECONDS)).send(xml);
  });
  app.get<{ Params: { part: string } }>('/sitemap-:part(^\\d{1,6}).xml', { schema: { hide: true } }, async (request, reply) => {
    const part = Number(request.params.part);
    const xml = part >= 1 ? await sitemaps.get(`part-${part}`, () => sitemapPart(catalogue.sitemapSources(), site.publicUrl, part)) : null;
    if (xml === null) return reply.callNotFound();
    return reply.type('application/xml; charset=utf-8').header('cache-control', publicCache(SITEMAP_MAX_AGE_SECONDS)).send(xml);
  });

  if (options.shellHtml === null) return async () => false;
  const plain = options.shellHtml;
  const shell = prepareShell(plain);
  // Unknown records are kept too (as null), so a stream of requests for a missing id costs one query a minute.
  const heads = createAnswerCache<string | null>(options.maxEntries ?? 1000, maxAgeSeconds * 1000);

  return async (request, reply) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return false;
    const path = request.url.split('?', 1)[0]!;
    const match = catalogue.match(path);
    if (!match) return false;
    let head: string | null;
    try {
      // Keyed by what was matched, so `/a/b/`, `/a/b` and `/a/%62` share one entry.
      head = await heads.get(`${match.pattern} ${JSON.stringify(match.params)}`, async () => {
        // A parameter that could not be decoded (or was absurdly long) names no record.
        if (Object.values(match.params).some((value) => value === '')) return null;
        const meta = await match.resolve(match.params);
        return meta ? renderHead(meta, site) : null;
      });
    } catch (error) {
      // The app still works in a browser; a crawler is told to come back rather than shown a bare page.
      request.log.error({ err: error, pattern: match.pattern }, 'public page metadata failed');
      reply.code(503).type(HTML).header('retry-after', '60').send(plain);
      return true;
    }
    if (head === null) {
      reply.code(404).type(HTML).send(plain);
      return true;
    }
    reply.code(200).type(HTML).header('cache-control', publicCache(maxAgeSeconds)).send(pageHtml(shell, head));
    return true;
  };
}
