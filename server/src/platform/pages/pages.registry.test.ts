import { describe, expect, it } from 'vitest';
import { createAnswerCache } from './pages.cache.js';
import { clip, escapeHtml, jsonForScript, prepareShell, siteUrl } from './pages.head.js';
import { createPageRegistry, type SitemapEntry } from './pages.registry.js';
import { robotsTxt, sitemapPart, sitemapRoot } from './pages.sitemap.js';

const none = async () => null;

describe('page patterns', () => {
  it('match literal segments and decode parameters', () => {
    const pages = createPageRegistry();
    pages.page('/dolan/produk/:slug', none);
    pages.page('/satudata/dataset/:org/:name', none);
    expect(pages.match('/dolan/produk/kopi%20robusta')?.params).toEqual({ slug: 'kopi robusta' });
    expect(pages.match('/dolan/produk/kopi/')?.params).toEqual({ slug: 'kopi' });
    expect(pages.match('/satudata/dataset/dinkes/stunting')?.params).toEqual({ org: 'dinkes', name: 'stunting' });
    expect(pages.match('/dolan/produk')).toBeNull();
    expect(pages.match('/dolan/produk/kopi/ulasan')).toBeNull();
    expect(pages.match('/dolan/toko/kopi')).toBeNull();
    expect(pages.match('/dolan/produk/')).toBeNull();
  });

  it('hand malformed or absurd parameters over as empty, which names no record', () => {
    const pages = createPageRegistry();
    pages.page('/dolan/produk/:slug', none);
    expect(pages.match('/dolan/produk/%E0%A4%A')?.params).toEqual({ slug: '' });
    expect(pages.match(`/dolan/produk/${'a'.repeat(301)}`)?.params).toEqual({ slug: '' });
  });

  it('refuse patterns that are not plain paths outside the API, and duplicates', () => {
    const pages = createPageRegistry();
    for (const bad of ['dolan/produk/:slug', '/api/produk/:id', '/api', '/', '/dolan/', '/dolan/*', '/a/:id/:id', '/a b/:id']) {
      expect(() => pages.page(bad, none), bad).toThrow();
    }
    pages.page('/dolan/produk/:slug', none);
    expect(() => pages.page('/dolan/produk/:slug', none)).toThrow(/twice/);
    expect(() => pages.allowCrawling('/dolan/*')).toThrow();
    expect(() => pages.allowCrawling('/dolan/\nDisallow: /')).toThrow();
  });

  it('make each pattern\'s literal prefix crawlable, once', () => {
    const pages = createPageRegistry();
    pages.page('/dolan/produk/:slug', none);
    pages.page('/dolan/produk/:slug/ulasan', none);
    pages.page('/segalengko/tentang', none);
    pages.allowCrawling('/dolan/');
    expect(pages.crawlable()).toEqual(['/dolan/produk/', '/segalengko/tentang', '/dolan/']);
  });
});

describe('escaping', () => {
  it('escapes HTML text and attributes', () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
  });

  it('writes JSON-LD that cannot end its script element and still parses to the same data', () => {
    const data = { name: '</script><script>alert(1)</script> <!-- & \u2028', n: 1 };
    const json = jsonForScript(data);
    expect(json).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(json)).toEqual(data);
  });

  it('clips long text on a character boundary and collapses whitespace', () => {
    expect(clip('  a\n\n b  ', 10)).toBe('a b');
    expect(clip('😀'.repeat(10), 5)).toBe('😀😀😀😀…');
  });

  it('makes absolute URLs only from site paths', () => {
    expect(siteUrl('https://x.go.id', '/a b/"c"')).toBe('https://x.go.id/a%20b/%22c%22');
    expect(siteUrl('https://x.go.id/portal', '/p')).toBe('https://x.go.id/portal/p');
    for (const bad of ['//evil.example/x', 'https://evil.example/', 'javascript:alert(1)', '/\\evil']) {
      expect(() => siteUrl('https://x.go.id', bad)).toThrow();
    }
  });

  it('removes the shell\'s own title, description and social tags, keeping the rest', () => {
    const shell = prepareShell(`<html><head><meta charset="UTF-8"><title>Situs</title>
      <meta\n name="description"\n content="umum" />
      <meta property="og:title" content="Situs"><meta name="twitter:card" content="summary">
      <link rel="canonical" href="/"><meta name="theme-color" content="#fff"><link rel="icon" href="/f.svg">
      </head><body></body></html>`);
    expect(shell.before).not.toMatch(/<title|description|og:|twitter:|canonical/);
    expect(shell.before).toMatch(/charset="UTF-8".*theme-color.*rel="icon"/s);
    expect(shell.after.startsWith('</head>')).toBe(true);
  });
});

describe('the answer cache', () => {
  it('shares one load, expires, evicts the least recently used and forgets failures', async () => {
    let clock = 0;
    const cache = createAnswerCache<number>(2, 1000, () => clock);
    let loads = 0;
    const load = (value: number) => async () => {
      loads++;
      return value;
    };
    expect(await Promise.all([cache.get('a', load(1)), cache.get('a', load(1))])).toEqual([1, 1]);
    expect(loads).toBe(1);
    await cache.get('b', load(2));
    await cache.get('a', load(1)); // a is now the most recently used
    await cache.get('c', load(3)); // evicts b
    expect(cache.size).toBe(2);
    await cache.get('b', load(2));
    expect(loads).toBe(4);
    clock = 1001;
    await cache.get('b', load(2));
    expect(loads).toBe(5);
    await expect(cache.get('x', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await cache.get('x', load(9))).toBe(9);
  });
});

async function* numbered(count: number): AsyncGenerator<SitemapEntry> {
  for (let i = 1; i <= count; i++) yield { path: `/p/${i}`, lastModified: i === 1 ? '2026-01-02' : null };
}

describe('sitemaps', () => {
  const url = 'https://x.go.id';

  it('fit one file until the limit, then become an index of parts', async () => {
    expect(await sitemapRoot([() => numbered(3)], url, 3)).toContain('<urlset');
    expect(await sitemapPart([() => numbered(3)], url, 1, 3)).toBeNull();
    const index = await sitemapRoot([() => numbered(2), () => numbered(5)], url, 3);
    expect(index).toContain('<sitemapindex');
    expect(index.match(/<sitemap>/g)).toHaveLength(3);
    expect(index).toContain('<loc>https://x.go.id/sitemap-3.xml</loc>');
    const first = (await sitemapPart([() => numbered(2), () => numbered(5)], url, 1, 3))!;
    expect(first.match(/<loc>[^<]+<\/loc>/g)).toEqual(['<loc>https://x.go.id/p/1</loc>', '<loc>https://x.go.id/p/2</loc>', '<loc>https://x.go.id/p/1</loc>']);
    expect(first).toContain('<lastmod>2026-01-02</lastmod>');
    const last = (await sitemapPart([() => numbered(2), () => numbered(5)], url, 3, 3))!;
    expect(last.match(/<url>/g)).toHaveLength(1);
    expect(await sitemapPart([() => numbered(2), () => numbered(5)], url, 4, 3)).toBeNull();
  });

  it('skip entries that are not paths on this site and dates that are not dates', async () => {
    async function* odd(): AsyncGenerator<SitemapEntry> {
      yield { path: 'https://evil.example/x' };
      yield { path: '/ok', lastModified: 'kemarin' };
      yield { path: '/ok2', lastModified: new Date('2026-03-04T05:06:07Z') };
    }
    const xml = await sitemapRoot([odd], url);
    expect(xml).not.toContain('evil');
    expect(xml).not.toContain('kemarin');
    expect(xml).toContain('<url><loc>https://x.go.id/ok</loc></url>');
    expect(xml).toContain('<lastmod>2026-03-04T05:06:07.000Z</lastmod>');
  });

  it('robots.txt allows the registered areas and disallows everything else', () => {
    expect(robotsTxt(url, ['/dolan/produk/'])).toBe(
      'User-agent: *\nAllow: /$\nAllow: /assets/\nAllow: /dolan/produk/\nDisallow: /api/\nDisallow: /\n\nSitemap: https://x.go.id/sitemap.xml\n',
    );
  });
});
