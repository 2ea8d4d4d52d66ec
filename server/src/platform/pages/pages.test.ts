import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TestApp } from '../../../test/app.js';
import { buildAppWithWeb, crawl, one, SHELL_HTML, TEST_PUBLIC_URL } from '../../../test/web-shell.js';
import type { PageMeta, SitemapEntry } from './index.js';

// A product-like public page, as the marketplace will register it: path pattern → metadata from
// "the database" (here a map), or null for a product that is unknown or not published.
interface Product { name: string; summary: string; photo: string | null; published: boolean; price: number; updated: string }
const PRODUCTS = new Map<string, Product>([
  ['kopi-robusta-bumijawa', { name: 'Kopi Robusta Bumijawa', summary: 'Kopi lereng Slamet, sangrai medium.', photo: '/api/files/abc123.webp', published: true, price: 45000, updated: '2026-11-30' }],
  ['gula-aren', { name: 'Gula Aren', summary: 'Gula aren cetak.', photo: null, published: true, price: 15000, updated: '2026-09-01' }],
  ['teh-poci', { name: 'Teh Poci', summary: 'Teh wangi melati khas Tegal.', photo: null, published: true, price: 12000, updated: '2026-10-01' }],
  ['rahasia', { name: 'Produk Draf Rahasia', summary: 'Belum terbit.', photo: null, published: false, price: 1, updated: '2026-10-01' }],
  ['jahat', {
    name: `Keripik "Pedas" <b>&</b> </script><script>alert(1)</script> <!-- '`,
    summary: `Enak</title><script>alert(2)</script>`, photo: 'javascript:alert(3)', published: true, price: 1, updated: '2026-10-01',
  }],
]);

let t: TestApp;
let resolves = 0;
let failing = false;

function productPage(slug: string): PageMeta | null {
  const p = PRODUCTS.get(slug);
  if (!p?.published) return null;
  return {
    title: p.name,
    description: p.summary,
    canonicalPath: `/dolan/produk/${slug}`,
    image: p.photo,
    type: 'product',
    jsonLd: { '@type': 'Product', name: p.name, description: p.summary, offers: { '@type': 'Offer', price: p.price, priceCurrency: 'IDR' } },
  };
}

beforeAll(async () => {
  t = await buildAppWithWeb();
  t.platform.pages.page('/dolan/produk/:slug', async ({ slug = '' }) => {
    resolves++;
    if (failing) throw new Error('database unavailable');
    return productPage(slug);
  });
  t.platform.pages.sitemap(async function* products(): AsyncGenerator<SitemapEntry> {
    for (const [slug, p] of PRODUCTS) if (p.published) yield { path: `/dolan/produk/${slug}`, lastModified: p.updated };
  });
});
afterAll(() => t.close());

/** Fetches a path as a link-preview crawler does: a plain GET, no cookies, no JavaScript. */
const fetchAsCrawler = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'user-agent': 'WhatsApp/2.23.20.0 A', accept: 'text/html' } });

describe('a product page fetched without JavaScript', () => {
  it('carries its Open Graph tags, canonical address, Twitter card and JSON-LD', async () => {
    const res = await fetchAsCrawler('/dolan/produk/kopi-robusta-bumijawa?utm_source=wa');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const head = crawl(res.body);
    const url = `${TEST_PUBLIC_URL}/dolan/produk/kopi-robusta-bumijawa`;
    expect(head.titles).toEqual(['Kopi Robusta Bumijawa — Tegal Smart City']);
    expect(one(head, 'description')).toBe('Kopi lereng Slamet, sangrai medium.');
    expect(head.canonical).toEqual([url]);
    expect(one(head, 'og:title')).toBe('Kopi Robusta Bumijawa');
    expect(one(head, 'og:description')).toBe('Kopi lereng Slamet, sangrai medium.');
    expect(one(head, 'og:url')).toBe(url);
    expect(one(head, 'og:image')).toBe(`${TEST_PUBLIC_URL}/api/files/abc123.webp`);
    expect(one(head, 'og:type')).toBe('product');
    expect(one(head, 'og:site_name')).toBe('Tegal Smart City');
    expect(one(head, 'og:locale')).toBe('id_ID');
    expect(one(head, 'twitter:card')).toBe('summary_large_image');
    expect(head.jsonLd).toEqual([{
      '@context': 'https://schema.org', '@type': 'Product', name: 'Kopi Robusta Bumijawa', description: 'Kopi lereng Slamet, sangrai medium.',
      offers: { '@type': 'Offer', price: 45000, priceCurrency: 'IDR' },
    }]);
    // Still the app: its root element, bundle and the shell's other head tags are all there.
    expect(res.body).toContain('<div id="root"></div>');
    expect(res.body).toContain('<script type="module" crossorigin src="/assets/index-Bx1x2x3x.js"></script>');
    expect(one(head, 'theme-color')).toBe('#134f97');
  });

  it('answers HEAD like GET, without the body', async () => {
    const res = await t.app.inject({ method: 'HEAD', url: '/dolan/produk/kopi-robusta-bumijawa' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    expect(res.body).toBe('');
    expect((await t.app.inject({ method: 'HEAD', url: '/dolan/produk/tidak-ada' })).statusCode).toBe(404);
  });

  it('says summary without a picture', async () => {
    const head = crawl((await fetchAsCrawler('/dolan/produk/teh-poci')).body);
    expect(head.meta.has('og:image')).toBe(false);
    expect(one(head, 'twitter:card')).toBe('summary');
  });

  it('keeps hostile text as text: no tag, script or comment breaks out', async () => {
    const res = await fetchAsCrawler('/dolan/produk/jahat');
    expect(res.statusCode).toBe(200);
    const head = crawl(res.body);
    const name = PRODUCTS.get('jahat')!.name;
    expect(one(head, 'og:title')).toBe(name);
    expect(head.titles).toEqual([`${name} — Tegal Smart City`]);
    expect(one(head, 'description')).toBe('Enak</title><script>alert(2)</script>');
    expect((head.jsonLd[0] as { name: string }).name).toBe(name);
    // The only scripts are the app's bundle and the JSON-LD; nothing with "alert" runs.
    expect(head.scripts.map((s) => s.type)).toEqual(['module', 'application/ld+json']);
    expect(res.body).not.toMatch(/<script>alert|<b>|<!--/);
    // A javascript: picture is no picture.
    expect(head.meta.has('og:image')).toBe(false);
    expect(one(head, 'twitter:card')).toBe('summary');
  });

  it('answers unknown and unpublished products with the plain app, 404 and nothing about them', async () => {
    for (const slug of ['tidak-ada', 'rahasia', `x${'y'.repeat(400)}`]) {
      const res = await fetchAsCrawler(`/dolan/produk/${slug}`);
      expect(res.statusCode, slug).toBe(404);
      expect(res.headers['content-type']).toBe('text/html; charset=utf-8');
      expect(res.headers['cache-control']).toBe('no-store');
      expect(res.body).toBe(SHELL_HTML);
      expect(res.body).not.toMatch(/Rahasia|tidak-ada|og:url|canonical|ld\+json/i);
    }
  });

  it('resolves each path once a minute however many previews ask', async () => {
    const before = resolves;
    await Promise.all(Array.from({ length: 20 }, (_, i) => fetchAsCrawler(i % 2 ? '/dolan/produk/gula-aren/' : '/dolan/produk/gula-%61ren')));
    await fetchAsCrawler('/dolan/produk/belum-ada');
    await fetchAsCrawler('/dolan/produk/belum-ada');
    expect(resolves - before).toBe(2);
  });

  it('tells crawlers to come back when the metadata cannot be read, and serves the app anyway', async () => {
    failing = true;
    try {
      const res = await fetchAsCrawler('/dolan/produk/baru-sekali');
      expect(res.statusCode).toBe(503);
      expect(res.body).toBe(SHELL_HTML);
      expect(res.headers['retry-after']).toBe('60');
    } finally {
      failing = false;
    }
    expect((await fetchAsCrawler('/dolan/produk/baru-sekali')).statusCode).toBe(404);
  });

  it('leaves other paths to the plain app as before', async () => {
    const res = await fetchAsCrawler('/dolan/keranjang');
    expect(res.statusCode).toBe(200);
    expect(crawl(res.body).titles).toEqual(['Tegal Smart City — Pemerintah Kabupaten Tegal']);
    expect((await fetchAsCrawler('/api/tidak-ada')).statusCode).toBe(404);
  });
});

describe('robots.txt and sitemap.xml', () => {
  it('robots.txt lets crawlers into the public pages only and points at the sitemap', async () => {
    const res = await fetchAsCrawler('/robots.txt');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=3600');
    const lines = res.body.split('\n');
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain('Allow: /dolan/produk/');
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain('Disallow: /');
    expect(lines).toContain(`Sitemap: ${TEST_PUBLIC_URL}/sitemap.xml`);
  });

  it('sitemap.xml is well-formed XML in the sitemaps.org namespace with every published page', async () => {
    const res = await fetchAsCrawler('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/xml; charset=utf-8');
    const doc = parseXml(res.body);
    expect(doc.documentElement!.localName).toBe('urlset');
    expect(doc.documentElement!.namespaceURI).toBe('http://www.sitemaps.org/schemas/sitemap/0.9');
    const locs = texts(doc, 'loc');
    expect(locs).toContain(`${TEST_PUBLIC_URL}/dolan/produk/kopi-robusta-bumijawa`);
    expect(locs).toContain(`${TEST_PUBLIC_URL}/dolan/produk/jahat`);
    expect(locs.some((l) => l.includes('rahasia'))).toBe(false);
    expect(texts(doc, 'lastmod')).toContain('2026-11-30');
  });
});

describe('a sitemap past 50,000 addresses', () => {
  let big: TestApp;
  beforeAll(async () => {
    big = await buildAppWithWeb();
    big.platform.pages.sitemap(async function* many(): AsyncGenerator<SitemapEntry> {
      for (let i = 1; i <= 50_001; i++) yield { path: `/satudata/dataset/d-${i}?a=1&b=2` };
    });
  });
  afterAll(() => big.close());

  it('becomes an index of files of at most 50,000, escaped and well-formed', async () => {
    const index = parseXml((await big.app.inject({ method: 'GET', url: '/sitemap.xml' })).body);
    expect(index.documentElement!.localName).toBe('sitemapindex');
    expect(texts(index, 'loc')).toEqual([`${TEST_PUBLIC_URL}/sitemap-1.xml`, `${TEST_PUBLIC_URL}/sitemap-2.xml`]);
    const first = await big.app.inject({ method: 'GET', url: '/sitemap-1.xml' });
    expect(first.statusCode).toBe(200);
    const firstLocs = texts(parseXml(first.body), 'loc');
    expect(firstLocs).toHaveLength(50_000);
    expect(firstLocs[0]).toBe(`${TEST_PUBLIC_URL}/satudata/dataset/d-1?a=1&b=2`);
    expect(first.body).toContain('?a=1&amp;b=2');
    expect(texts(parseXml((await big.app.inject({ method: 'GET', url: '/sitemap-2.xml' })).body), 'loc')).toEqual([
      `${TEST_PUBLIC_URL}/satudata/dataset/d-50001?a=1&b=2`,
    ]);
    expect((await big.app.inject({ method: 'GET', url: '/sitemap-3.xml' })).statusCode).toBe(404);
  });
});

describe('without a web build', () => {
  it('answers no pages (there is no app to carry them) but still serves robots.txt', async () => {
    const bare = await buildAppWithWeb({ webDir: null });
    try {
      bare.platform.pages.page('/dolan/produk/:slug', async ({ slug = '' }) => productPage(slug));
      const page = await bare.app.inject({ method: 'GET', url: '/dolan/produk/teh-poci' });
      expect(page.statusCode).toBe(404);
      expect(page.json()).toMatchObject({ code: 'route_not_found' });
      expect((await bare.app.inject({ method: 'GET', url: '/robots.txt' })).body).toContain('Allow: /dolan/produk/');
    } finally {
      await bare.close();
    }
  });
});

/** Parses XML strictly: any well-formedness error fails the test. */
function parseXml(xml: string) {
  return new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } }).parseFromString(xml, 'application/xml');
}

function texts(doc: ReturnType<typeof parseXml>, tag: string): string[] {
  return Array.from(doc.getElementsByTagNameNS('http://www.sitemaps.org/schemas/sitemap/0.9', tag), (el) => el.textContent ?? '');
}
