export {
  createPageRegistry,
  type PageCatalogue, type PageMatch, type PageMeta, type PageParams, type PageRegistry, type PageResolver, type SitemapEntry, type SitemapSource,
} from './pages.registry.js';
export { installPages, type PageAnswer, type PagesOptions } from './pages.serve.js';
export { escapeHtml, jsonForScript } from './pages.head.js';
export { escapeXml, SITEMAP_MAX_URLS } from './pages.sitemap.js';
