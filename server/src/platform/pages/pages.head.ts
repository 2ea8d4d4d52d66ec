import type { PageMeta } from './pages.registry.js';

/** Where absolute URLs start and what the site is called in previews. */
export interface SiteIdentity {
  /** `PUBLIC_URL` without a trailing slash. */
  publicUrl: string;
  /** `og:site_name` and the suffix of `<title>`. */
  siteName: string;
}

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for an HTML text node or a double-quoted attribute. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

/**
 * JSON for inside `<script type="application/ld+json">`: the HTML parser ends a script at `</script`
 * and treats `<!--` specially whatever the JSON means, so every `<`, `>` and `&` is written as a
 * JSON escape (still the same string to any JSON parser), as are the line separators JavaScript
 * once refused in strings.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Collapses whitespace and shortens to `max` characters (code points), ending with an ellipsis. */
export function clip(text: string, max: number): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const chars = Array.from(flat);
  return chars.length <= max ? flat : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}

/** An absolute URL for a path on this site; throws on anything that is not a single-slash path. */
export function siteUrl(publicUrl: string, path: string): string {
  if (!path.startsWith('/') || path.startsWith('//') || path.includes('\\')) throw new Error(`Not a site path: ${path}`);
  return new URL(`${publicUrl}${path}`).href;
}

/** The preview picture as an absolute http(s) URL, or null when it is missing or not a usable address. */
function imageUrl(publicUrl: string, image: string | null | undefined): string | null {
  if (!image) return null;
  try {
    if (image.startsWith('/') && !image.startsWith('//')) return siteUrl(publicUrl, image);
    const url = new URL(image);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

const meta = (attr: 'name' | 'property', key: string, content: string) =>
  `<meta ${attr}="${key}" content="${escapeHtml(content)}" />`;

/** The tags a page adds to `<head>`: title, description, canonical, Open Graph, Twitter card, JSON-LD. */
export function renderHead(page: PageMeta, site: SiteIdentity): string {
  const title = clip(page.title, 200);
  const description = clip(page.description, 300);
  const canonical = siteUrl(site.publicUrl, page.canonicalPath);
  const image = imageUrl(site.publicUrl, page.image);
  const fullTitle = title === site.siteName ? title : `${title} — ${site.siteName}`;
  const tags = [
    `<title>${escapeHtml(fullTitle)}</title>`,
    meta('name', 'description', description),
    `<link rel="canonical" href="${escapeHtml(canonical)}" />`,
    meta('property', 'og:title', title),
    meta('property', 'og:description', description),
    meta('property', 'og:url', canonical),
    meta('property', 'og:type', page.type ?? 'website'),
    meta('property', 'og:site_name', site.siteName),
    meta('property', 'og:locale', 'id_ID'),
    ...(image ? [meta('property', 'og:image', image)] : []),
    meta('name', 'twitter:card', image ? 'summary_large_image' : 'summary'),
  ];
  if (page.jsonLd) {
    tags.push(`<script type="application/ld+json">${jsonForScript({ '@context': 'https://schema.org', ...page.jsonLd })}</script>`);
  }
  return tags.join('\n    ');
}

// The shell's own site-wide title, description, canonical and social tags would contradict a
// page's: a crawler takes the first `og:title` it meets. They are removed before a page's are added.
const SHELL_TAGS = [
  /<title\b[^>]*>[\s\S]*?<\/title>\s*/gi,
  /<meta\b[^>]*\b(?:name|property)\s*=\s*["']?(?:description|og:[\w:]+|twitter:[\w:]+)["']?[^>]*>\s*/gi,
  /<link\b[^>]*\brel\s*=\s*["']?canonical["']?[^>]*>\s*/gi,
];

/** The web app's `index.html` ready to take a page's tags: its own page-level tags removed from `<head>`. */
export function prepareShell(html: string): { before: string; after: string } {
  const end = html.search(/<\/head>/i);
  if (end < 0) throw new Error('The web app\'s index.html has no </head>');
  let head = html.slice(0, end);
  for (const pattern of SHELL_TAGS) head = head.replace(pattern, '');
  return { before: head, after: html.slice(end) };
}

/** The page's HTML: the prepared shell with the page's tags just before `</head>`. */
export function pageHtml(shell: { before: string; after: string }, headTags: string): string {
  return `${shell.before.trimEnd()}\n    ${headTags}\n  ${shell.after}`;
}
