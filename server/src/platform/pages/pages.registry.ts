/**
 * What a public page says about itself to link previews (WhatsApp, Facebook, X) and search engines,
 * which read the HTML and run no JavaScript. Text is plain: the kernel escapes it.
 */
export interface PageMeta {
  /** The record's own title (`Kopi Robusta Bumijawa`); `<title>` adds the site's name. */
  title: string;
  /** One or two sentences; whitespace is collapsed and long text shortened. */
  description: string;
  /** The page's one address on this site (`/dolan/produk/kopi-robusta`), made absolute with `PUBLIC_URL`. */
  canonicalPath: string;
  /** Preview picture: a path on this site (made absolute with `PUBLIC_URL`) or an absolute http(s) URL. */
  image?: string | null;
  /** Open Graph type: `website` (default), `article`, `product`, `profile`… */
  type?: string;
  /** A schema.org object (`{ '@type': 'GovernmentOrganization', … }`); `@context` defaults to schema.org. */
  jsonLd?: Record<string, unknown> | null;
}

/** The decoded values of a pattern's `:name` segments. */
export type PageParams = Readonly<Record<string, string>>;

/**
 * Resolves a public path to its metadata, or null when the record is unknown or not public: the
 * visitor then gets the plain app with 404 and nothing about the record. Runs without a signed-in
 * caller, so it must only ever describe what anyone may see. Validate params before querying.
 */
export type PageResolver = (params: PageParams) => Promise<PageMeta | null>;

/** One address for `sitemap.xml`. */
export interface SitemapEntry {
  /** Path on this site (`/dolan/produk/kopi-robusta`). */
  path: string;
  /** When the page last changed: a Date, or a `yyyy-mm-dd` / ISO 8601 string. */
  lastModified?: Date | string | null;
}

/** Yields a module's public addresses, in a stable order (sitemap files are cut every 50,000). */
export type SitemapSource = () => AsyncIterable<SitemapEntry>;

/** What a module registers in its factory (`platform.pages`). */
export interface PageRegistry {
  /**
   * Serves `pattern` (`/dolan/produk/:slug`: literal segments and `:name` parameters) with the web
   * app's HTML plus the metadata `resolve` returns. The pattern's literal prefix becomes crawlable.
   */
  page(pattern: string, resolve: PageResolver): void;
  /** Adds a module's public addresses to `sitemap.xml`. */
  sitemap(source: SitemapSource): void;
  /** Lets crawlers into a public area (`/dolan/`); everything not allowed is disallowed in robots.txt. */
  allowCrawling(prefix: string): void;
}

/** A registered pattern, and the path it matched with its parameters. */
export interface PageMatch {
  pattern: string;
  params: PageParams;
  resolve: PageResolver;
}

/** The registry as the kernel reads it back when serving. */
export interface PageCatalogue extends PageRegistry {
  /** The registered page a request path belongs to; null when none (the plain app answers). */
  match(path: string): PageMatch | null;
  /** Every sitemap source, in registration order. */
  sitemapSources(): readonly SitemapSource[];
  /** Prefixes crawlers may visit, in registration order, without duplicates. */
  crawlable(): readonly string[];
}

type Segment = { literal: string } | { param: string };

interface CompiledPattern {
  pattern: string;
  segments: Segment[];
  resolve: PageResolver;
}

const LITERAL = /^[A-Za-z0-9._~-]+$/;
const PARAM = /^:([A-Za-z_]\w*)$/;
/** Longest parameter value accepted; anything longer is no record of ours. */
const MAX_PARAM_LENGTH = 300;

/** Splits and checks a pattern; a mistake is the programmer's, so it throws at start-up. */
function compile(pattern: string, resolve: PageResolver): CompiledPattern {
  if (!pattern.startsWith('/') || pattern === '/' || pattern.endsWith('/') || /^\/api(\/|$)/.test(pattern)) {
    throw new Error(`Page pattern "${pattern}" must be a path like /app/thing/:id outside /api`);
  }
  const names = new Set<string>();
  const segments = pattern.slice(1).split('/').map((part): Segment => {
    const param = PARAM.exec(part);
    if (param) {
      if (names.has(param[1]!)) throw new Error(`Page pattern "${pattern}" repeats :${param[1]}`);
      names.add(param[1]!);
      return { param: param[1]! };
    }
    if (!LITERAL.test(part)) throw new Error(`Page pattern "${pattern}" has an invalid segment "${part}"`);
    return { literal: part };
  });
  return { pattern, segments, resolve };
}

/** The literal start of a pattern (`/dolan/produk/` for `/dolan/produk/:slug`), for robots.txt. */
function literalPrefix(segments: Segment[]): string {
  const literals: string[] = [];
  for (const segment of segments) {
    if (!('literal' in segment)) return `/${literals.map((l) => `${l}/`).join('')}`;
    literals.push(segment.literal);
  }
  return `/${literals.join('/')}`;
}

function matchOne(compiled: CompiledPattern, parts: string[]): PageParams | null {
  if (parts.length !== compiled.segments.length) return null;
  const params: Record<string, string> = {};
  for (const [i, segment] of compiled.segments.entries()) {
    const part = parts[i]!;
    if ('literal' in segment) {
      if (part !== segment.literal) return null;
      continue;
    }
    if (part === '' || part.length > MAX_PARAM_LENGTH * 3) return null;
    let value: string;
    try {
      value = decodeURIComponent(part);
    } catch {
      // Malformed percent-encoding: still this page's address, but no record can have that key.
      value = '';
    }
    params[segment.param] = value.length > MAX_PARAM_LENGTH ? '' : value;
  }
  return params;
}

/** Checks a robots.txt prefix: a path, no wildcards or line breaks that would change the file. */
function checkPrefix(prefix: string): string {
  if (!/^\/[A-Za-z0-9._~\-/]*$/.test(prefix)) throw new Error(`Crawl prefix "${prefix}" must be a plain path like /app/`);
  return prefix;
}

/** Creates the empty registry the kernel hands modules as `platform.pages`. */
export function createPageRegistry(): PageCatalogue {
  const patterns: CompiledPattern[] = [];
  const sources: SitemapSource[] = [];
  const prefixes = new Set<string>();
  return {
    page(pattern, resolve) {
      if (patterns.some((p) => p.pattern === pattern)) throw new Error(`Page pattern "${pattern}" is registered twice`);
      const compiled = compile(pattern, resolve);
      patterns.push(compiled);
      prefixes.add(literalPrefix(compiled.segments));
    },
    sitemap(source) {
      sources.push(source);
    },
    allowCrawling(prefix) {
      prefixes.add(checkPrefix(prefix));
    },
    match(path) {
      // `/a/b/` is the page `/a/b`, as the web router treats it.
      const trimmed = path.length > 1 && path.endsWith('/') ? path.slice(0, -1) : path;
      const parts = trimmed.slice(1).split('/');
      for (const compiled of patterns) {
        const params = matchOne(compiled, parts);
        if (params) return { pattern: compiled.pattern, params, resolve: compiled.resolve };
      }
      return null;
    },
    sitemapSources: () => sources,
    crawlable: () => [...prefixes],
  };
}
