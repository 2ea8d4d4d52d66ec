import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse, type DefaultTreeAdapterTypes } from 'parse5';
import { buildTestApp, type TestApp } from './app.js';

/**
 * The web build's index.html as Vite writes it: the repository's web/index.html (with the site-wide
 * title, description and Open Graph tags a page must replace, not repeat), its entry script turned
 * into hashed assets in the head.
 */
export const SHELL_HTML = fs.readFileSync(path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../web/index.html'), 'utf8')
  .replace('    <script type="module" src="/src/main.tsx"></script>\n', '')
  .replace('  </head>', '    <script type="module" crossorigin src="/assets/index-Bx1x2x3x.js"></script>\n'
    + '    <link rel="stylesheet" crossorigin href="/assets/index-Cq9q8q7q.css">\n  </head>');

export const TEST_PUBLIC_URL = 'https://smartcity.tegalkab.go.id';

/**
 * Builds the platform as buildTestApp does, but serving a web build of its own (a directory holding
 * SHELL_HTML), so public pages are answered whether or not the repository's web app is built.
 * `webDir: null` builds it with no web app at all.
 */
export async function buildAppWithWeb(options: { webDir?: null } = {}): Promise<TestApp> {
  const webDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-web-'));
  if (options.webDir !== null) fs.writeFileSync(path.join(webDir, 'index.html'), SHELL_HTML);
  const t = await buildTestApp({ PUBLIC_URL: TEST_PUBLIC_URL }, { webDir });
  return {
    ...t,
    async close() {
      await t.close();
      fs.rmSync(webDir, { recursive: true, force: true });
    },
  };
}

type Element = DefaultTreeAdapterTypes.Element;

/** What a crawler reads from a page's `<head>`, parsed by a spec-compliant HTML parser. */
export interface CrawledHead {
  titles: string[];
  /** Every `<meta>` by its `property` or `name`, in document order (repeats kept). */
  meta: Map<string, string[]>;
  canonical: string[];
  /** The text of every `<script type="application/ld+json">`, parsed. */
  jsonLd: unknown[];
  /** Every `<script>` in the document: its type and text. */
  scripts: { type: string | null; text: string }[];
}

const attr = (el: Element, name: string) => el.attrs.find((a) => a.name === name)?.value ?? null;
const text = (el: Element) => el.childNodes.map((n) => ('value' in n && n.nodeName === '#text' ? n.value : '')).join('');

/** Parses HTML as a browser (or a link-preview crawler) would and collects what the head says. */
export function crawl(html: string): CrawledHead {
  const found: CrawledHead = { titles: [], meta: new Map(), canonical: [], jsonLd: [], scripts: [] };
  const visit = (node: { childNodes?: unknown[] }) => {
    for (const child of (node.childNodes ?? []) as Element[]) {
      if (child.tagName === 'title') found.titles.push(text(child));
      if (child.tagName === 'meta') {
        const key = attr(child, 'property') ?? attr(child, 'name');
        if (key) found.meta.set(key, [...(found.meta.get(key) ?? []), attr(child, 'content') ?? '']);
      }
      if (child.tagName === 'link' && attr(child, 'rel') === 'canonical') found.canonical.push(attr(child, 'href') ?? '');
      if (child.tagName === 'script') {
        found.scripts.push({ type: attr(child, 'type'), text: text(child) });
        if (attr(child, 'type') === 'application/ld+json') found.jsonLd.push(JSON.parse(text(child)));
      }
      visit(child as { childNodes?: unknown[] });
    }
  };
  visit(parse(html));
  return found;
}

/** The one value of a meta tag; fails the test when it is missing or repeated. */
export function one(head: CrawledHead, key: string): string {
  const values = head.meta.get(key) ?? [];
  if (values.length !== 1) throw new Error(`expected one ${key}, found ${values.length}`);
  return values[0]!;
}
