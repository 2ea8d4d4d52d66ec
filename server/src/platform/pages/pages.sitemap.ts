import { siteUrl } from './pages.head.js';
import type { SitemapEntry, SitemapSource } from './pages.registry.js';

/** The sitemaps.org limit of addresses in one file; past it `/sitemap.xml` becomes an index. */
export const SITEMAP_MAX_URLS = 50_000;

const NAMESPACE = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
const W3C_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2}))?$/;

/** Escapes text for XML content (the sitemaps.org protocol asks for entity-escaped URLs). */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** A W3C datetime for `<lastmod>`, or null when the value is missing or not a date. */
function lastmod(value: SitemapEntry['lastModified']): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString();
  return typeof value === 'string' && W3C_DATE.test(value) ? value : null;
}

/** Every entry of every source in order, skipping any whose path is not a path on this site. */
async function* entries(sources: readonly SitemapSource[], publicUrl: string): AsyncGenerator<{ loc: string; lastmod: string | null }> {
  for (const source of sources) {
    for await (const entry of source()) {
      let loc: string;
      try {
        loc = siteUrl(publicUrl, entry.path);
      } catch {
        continue;
      }
      yield { loc, lastmod: lastmod(entry.lastModified) };
    }
  }
}

function urlset(urls: readonly { loc: string; lastmod: string | null }[]): string {
  const body = urls.map((u) => `<url><loc>${escapeXml(u.loc)}</loc>${u.lastmod ? `<lastmod>${u.lastmod}</lastmod>` : ''}</url>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="${NAMESPACE}">\n${body.join('\n')}\n</urlset>\n`;
}

function sitemapIndex(publicUrl: string, files: number): string {
  const body = Array.from({ length: files }, (_, i) => `<sitemap><loc>${escapeXml(`${publicUrl}/sitemap-${i + 1}.xml`)}</loc></sitemap>`);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="${NAMESPACE}">\n${body.join('\n')}\n</sitemapindex>\n`;
}

/**
 * `/sitemap.xml`: the addresses themselves while they fit one file, otherwise an index of
 * `/sitemap-N.xml` files. Holds at most one file's addresses in memory; past that it only counts.
 */
export async function sitemapRoot(sources: readonly SitemapSource[], publicUrl: string, maxUrls = SITEMAP_MAX_URLS): Promise<string> {
  const first: { loc: string; lastmod: string | null }[] = [];
  let total = 0;
  for await (const url of entries(sources, publicUrl)) {
    if (total < maxUrls) first.push(url);
    total++;
  }
  return total <= maxUrls ? urlset(first) : sitemapIndex(publicUrl, Math.ceil(total / maxUrls));
}

/** `/sitemap-N.xml` (N from 1): the Nth slice of addresses; null when there is no such file. */
export async function sitemapPart(sources: readonly SitemapSource[], publicUrl: string, part: number, maxUrls = SITEMAP_MAX_URLS): Promise<string | null> {
  const skip = (part - 1) * maxUrls;
  const urls: { loc: string; lastmod: string | null }[] = [];
  let seen = 0;
  for await (const url of entries(sources, publicUrl)) {
    if (++seen <= skip) continue;
    urls.push(url);
    // One past the slice tells whether the addresses outgrow a single file.
    if (urls.length > maxUrls) break;
  }
  const more = urls.length > maxUrls;
  if (more) urls.pop();
  // While everything fits one file it is served as /sitemap.xml itself, and only there.
  if (urls.length === 0 || (part === 1 && !more)) return null;
  return urlset(urls);
}

/**
 * robots.txt: crawlers may see the launcher, the web app's assets and the public areas modules
 * registered (their page patterns and `allowCrawling` prefixes); everything else — the API, the
 * staff apps, sign-in — is disallowed by default, so a new private area needs no entry here.
 */
export function robotsTxt(publicUrl: string, crawlable: readonly string[]): string {
  const allow = ['/$', '/assets/', ...crawlable];
  return [
    'User-agent: *',
    ...allow.map((prefix) => `Allow: ${prefix}`),
    'Disallow: /api/',
    'Disallow: /',
    '',
    `Sitemap: ${publicUrl}/sitemap.xml`,
    '',
  ].join('\n');
}
