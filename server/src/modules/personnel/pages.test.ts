import { randomUUID } from 'node:crypto';
import { DOMParser } from '@xmldom/xmldom';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRUCTURE_VALID_FROM, TEGAL_AGENCIES } from '../../../seeds/reference/tegal-agencies.js';
import type { TestApp } from '../../../test/app.js';
import { buildAppWithWeb, crawl, one, SHELL_HTML, TEST_PUBLIC_URL } from '../../../test/web-shell.js';
import type { AgencyView } from './index.js';

const HOSTILE = {
  code: 'uji-jahat',
  name: `Dinas "Uji" <Jahat> & </script><script>alert(1)</script> <!-- '`,
  shortName: `D'<Jahat>`,
  kind: 'dinas' as const,
};

let t: TestApp;
let agencies: AgencyView[];
const agency = (code: string) => agencies.find((a) => a.code === code)!;

beforeAll(async () => {
  t = await buildAppWithWeb();
  await t.modules.region.api.importRegions();
  await t.modules.personnel.api.importAgencies([...TEGAL_AGENCIES, HOSTILE], STRUCTURE_VALID_FROM);
  agencies = (await t.app.inject({ method: 'GET', url: '/api/agencies' })).json<AgencyView[]>();
});
afterAll(() => t.close());

/** A plain GET, as WhatsApp's link preview makes it: no cookies, no JavaScript. */
const fetchAsCrawler = (url: string) => t.app.inject({ method: 'GET', url, headers: { 'user-agent': 'WhatsApp/2.23.20.0 A' } });

describe('an agency page shared as a link', () => {
  it('carries the agency\'s title, description, canonical address, Open Graph tags and GovernmentOrganization', async () => {
    const bkpsdm = agency('bkpsdm');
    const res = await fetchAsCrawler(`/simpeg/opd/${bkpsdm.id}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toBe('public, max-age=60');
    const head = crawl(res.body);
    const url = `${TEST_PUBLIC_URL}/simpeg/opd/${bkpsdm.id}`;
    const description = 'Badan Kepegawaian dan Pengembangan Sumber Daya Manusia (BKPSDM): badan daerah. Struktur organisasi, jabatan, dan pejabatnya di SIMPEG.';
    expect(head.titles).toEqual(['Badan Kepegawaian dan Pengembangan Sumber Daya Manusia — Tegal Smart City']);
    expect(one(head, 'description')).toBe(description);
    expect(head.canonical).toEqual([url]);
    expect(one(head, 'og:title')).toBe(bkpsdm.name);
    expect(one(head, 'og:description')).toBe(description);
    expect(one(head, 'og:url')).toBe(url);
    expect(one(head, 'og:type')).toBe('website');
    expect(one(head, 'og:site_name')).toBe('Tegal Smart City');
    expect(one(head, 'og:locale')).toBe('id_ID');
    expect(one(head, 'twitter:card')).toBe('summary');
    expect(head.jsonLd).toEqual([{
      '@context': 'https://schema.org', '@type': 'GovernmentOrganization', '@id': url, url,
      name: bkpsdm.name, alternateName: 'BKPSDM', identifier: 'bkpsdm', description,
    }]);
  });

  it('places a kecamatan in its district', async () => {
    const slawi = agencies.find((a) => a.districtCode === '33.28.10')!;
    const ld = crawl((await fetchAsCrawler(`/simpeg/opd/${slawi.id.toUpperCase()}`)).body).jsonLd[0] as Record<string, unknown>;
    expect(ld).toMatchObject({ name: 'Kecamatan Slawi', areaServed: { '@type': 'AdministrativeArea', identifier: '33.28.10' } });
    expect(ld.url).toBe(`${TEST_PUBLIC_URL}/simpeg/opd/${slawi.id}`);
  });

  it('describes a former name as one, with the date it ended', async () => {
    const former = (await t.modules.personnel.api.listAgencies({ at: '2022-06-01', q: 'BKD' })).find((a) => a.shortName === 'BKD')!;
    const head = crawl((await fetchAsCrawler(`/simpeg/opd/${former.id}`)).body);
    expect(one(head, 'og:title')).toBe('Badan Kepegawaian Daerah');
    expect(one(head, 'description')).toMatch(/^Nama lama, berlaku sampai 31 Desember 2022\. Badan Kepegawaian Daerah \(BKD\)/);
  });

  it('keeps a hostile name as text everywhere it appears', async () => {
    const res = await fetchAsCrawler(`/simpeg/opd/${agency('uji-jahat').id}`);
    expect(res.statusCode).toBe(200);
    const head = crawl(res.body);
    expect(one(head, 'og:title')).toBe(HOSTILE.name);
    expect(head.titles).toEqual([`${HOSTILE.name} — Tegal Smart City`]);
    expect(one(head, 'description').startsWith(`${HOSTILE.name} (${HOSTILE.shortName}): dinas daerah.`)).toBe(true);
    expect(head.jsonLd[0]).toMatchObject({ name: HOSTILE.name, alternateName: HOSTILE.shortName });
    expect(head.scripts.map((s) => s.type)).toEqual(['module', 'application/ld+json']);
    expect(res.body).not.toMatch(/<script>alert|<Jahat>|<!--/);
  });

  it('answers an unknown or malformed id with the plain app and 404', async () => {
    for (const id of [randomUUID(), 'bukan-uuid', `${randomUUID()}'--`]) {
      const res = await fetchAsCrawler(`/simpeg/opd/${encodeURIComponent(id)}`);
      expect(res.statusCode, id).toBe(404);
      expect(res.body).toBe(SHELL_HTML);
      expect(crawl(res.body).canonical).toEqual([]);
    }
  });
});

describe('the agencies in robots.txt and sitemap.xml', () => {
  it('robots.txt allows the agency pages and keeps the rest of SIMPEG and the API out', async () => {
    const lines = (await fetchAsCrawler('/robots.txt')).body.split('\n');
    expect(lines).toContain('Allow: /simpeg/opd/');
    expect(lines).toContain('Disallow: /api/');
    expect(lines).toContain('Disallow: /');
    expect(lines).toContain(`Sitemap: ${TEST_PUBLIC_URL}/sitemap.xml`);
  });

  it('sitemap.xml lists every current agency, well-formed in the sitemaps.org namespace', async () => {
    const res = await fetchAsCrawler('/sitemap.xml');
    expect(res.statusCode).toBe(200);
    const doc = new DOMParser({ onError: (level, message) => { throw new Error(`${level}: ${message}`); } })
      .parseFromString(res.body, 'application/xml');
    const ns = 'http://www.sitemaps.org/schemas/sitemap/0.9';
    expect(doc.documentElement!.namespaceURI).toBe(ns);
    expect(doc.documentElement!.localName).toBe('urlset');
    const locs = Array.from(doc.getElementsByTagNameNS(ns, 'loc'), (el) => el.textContent);
    expect(locs).toHaveLength(agencies.length);
    expect(agencies.length).toBe(49); // 48 OPD of Kabupaten Tegal and the test's own
    expect(new Set(locs)).toEqual(new Set(agencies.map((a) => `${TEST_PUBLIC_URL}/simpeg/opd/${a.id}`)));
    const lastmods = Array.from(doc.getElementsByTagNameNS(ns, 'lastmod'), (el) => el.textContent);
    expect(lastmods.every((d) => /^\d{4}-\d{2}-\d{2}$/.test(d ?? ''))).toBe(true);
  });
});
