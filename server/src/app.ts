import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyCookie from '@fastify/cookie';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyBaseLogger } from 'fastify';
import { Type } from 'typebox';
import { todayIn, type Config } from './platform/config.js';
import { installRequestContext } from './platform/context.js';
import { calendarRoutes, createCalendar } from './platform/calendar/index.js';
import type { Database } from './platform/db/index.js';
import { createEventBus, createJobAdmin, eventRoutes } from './platform/events/index.js';
import { createBlobStore, installBlobCaching, SWEEP_JOB } from './platform/files/index.js';
import { createImagePipeline } from './platform/images/index.js';
import { createMailer } from './platform/mail/index.js';
import { createPageRegistry, installPages } from './platform/pages/index.js';
import { installAccessControl } from './platform/http/access.js';
import { installCachePolicy } from './platform/http/cache.js';
import {
  clientErrorHandler, frameworkErrorHandler, installProtocolAnswers, installErrorHandler, routeNotFound,
} from './platform/http/error-handler.js';
import { installInputGuard } from './platform/http/input.js';
import { installOperationIds, openApiOptions } from './platform/http/openapi.js';
import type { App } from './platform/http/types.js';
import { createValidation } from './platform/http/validation.js';
import type { Platform } from './platform/index.js';
import { createModules, type Modules } from './modules.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const WEB_DIST = path.join(ROOT, 'web/dist');
/** The platform's name in link previews (`og:site_name`) and after a public page's title. */
const SITE_NAME = 'Tegal Smart City';
export const VERSION: string = (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

/** What `buildApp` returns: the Fastify app, the kernel handed to modules, and the modules. */
export interface Built {
  app: App;
  platform: Platform;
  modules: Modules;
}

/** Where the built web app is read from (`web/dist` by default; tests give a directory of their own). */
export interface BuildOptions {
  webDir?: string;
}

/**
 * Builds the whole platform on an open, migrated database: kernel plugins first, then the modules
 * in the order `modules.ts` lists them, then the web app. Tests call it too (through buildTestApp).
 */
export async function buildApp(config: Config, database: Database, options: BuildOptions = {}): Promise<Built> {
  const webDir = options.webDir ?? WEB_DIST;
  const validation = createValidation();
  const fastify = Fastify({
    logger: {
      level: config.logLevel,
      redact: ['req.headers.cookie', 'req.headers.authorization', 'req.headers["x-csrf-token"]'],
    },
    genReqId: (req) => {
      const sent = req.headers['x-request-id'];
      return typeof sent === 'string' && /^[\w-]{8,64}$/.test(sent) ? sent : randomUUID();
    },
    requestIdHeader: false,
    frameworkErrors: frameworkErrorHandler,
    clientErrorHandler,
    // Both are answered by installProtocolAnswers instead, in the platform's error body.
    return503OnClosing: false,
    http: { requireHostHeader: false },
    bodyLimit: config.bodyLimitBytes,
    // Only the configured proxies may say who the client is; anyone else's X-Forwarded-For is ignored.
    trustProxy: config.trustedProxies.length > 0 ? [...config.trustedProxies] : false,
    schemaController: { compilersFactory: { buildValidator: validation.buildValidator } },
  }).withTypeProvider<TypeBoxTypeProvider>();
  const app = fastify as unknown as App;
  const log: FastifyBaseLogger = fastify.log;

  const events = createEventBus(database.db, log);
  const blobs = createBlobStore(config.blobs, database.db, { orphanGraceHours: config.blobOrphanGraceHours });
  events.every(SWEEP_JOB, 3_600_000, async () => { await blobs.sweep(); });
  const mail = createMailer(config, events, log);
  const pages = createPageRegistry();
  const calendar = createCalendar(database.db);
  const platform: Platform = { config, database, db: database.db, events, blobs, images: createImagePipeline(blobs), mail, log, pages, calendar, today: () => todayIn(config.timeZone) };

  fastify.addHook('onRoute', validation.onRoute);
  installErrorHandler(fastify);
  installProtocolAnswers(fastify);
  installCachePolicy(fastify);
  installBlobCaching(fastify);
  installInputGuard(fastify);
  // Fastify parses text/plain by default; the API takes JSON (a route wanting another type registers
  // its own parser), so plain text answers 415 rather than a puzzling "body must be an object".
  fastify.removeContentTypeParser('text/plain');
  app.addHook('onSend', async (request, reply) => {
    reply.header('x-request-id', String(request.id));
  });
  await fastify.register(fastifyHelmet, {
    contentSecurityPolicy: {
      directives: {
        'img-src': ["'self'", 'data:', 'blob:', 'https://*.tile.openstreetmap.org'],
        'style-src': ["'self'", "'unsafe-inline'"],
        'upgrade-insecure-requests': config.publicUrl.startsWith('https:') ? [] : null,
      },
    },
    strictTransportSecurity: config.publicUrl.startsWith('https:'),
  });
  await fastify.register(fastifyCookie);
  await fastify.register(fastifyRateLimit, { global: false });
  await fastify.register(fastifySwagger, openApiOptions({
    title: 'Tegal Smart City API',
    version: VERSION,
    description: 'API platform Smart City Kabupaten Tegal: Segalengko, Dolan, E-office, SIMPEG, Satu Data, SATE, Smart City & SPBE.',
    publicUrl: config.publicUrl,
  }));
  await fastify.register(fastifySwaggerUi, { routePrefix: '/api/docs', staticCSP: true });

  const modules = createModules(platform);
  installAccessControl(fastify, modules.identity.authenticate);
  installRequestContext(fastify, platform.today);
  installOperationIds(fastify);

  app.get('/api/health', {
    schema: {
      tags: ['platform'],
      summary: 'Status platform',
      response: {
        200: Type.Object({
          status: Type.Literal('ok'),
          database: Type.Union([Type.Literal('pglite'), Type.Literal('postgres')]),
          version: Type.String(),
        }),
      },
    },
    config: { access: 'public' },
  }, async () => {
    await database.db.execute('SELECT 1');
    return { status: 'ok' as const, database: database.kind, version: VERSION };
  });
  app.get('/api/openapi.json', {
    schema: { hide: true },
    config: { access: 'public', cache: { maxAgeSeconds: 300 } },
  }, async () => fastify.swagger());
  eventRoutes(app, createJobAdmin(database.db));
  calendarRoutes(app, calendar);

  for (const module of modules.list) await module.routes(app);

  const hasWeb = fs.existsSync(path.join(webDir, 'index.html'));
  // Registered pages get the SPA's HTML with their own metadata, for link previews that run no JavaScript.
  const answerPage = installPages(fastify, pages, {
    publicUrl: config.publicUrl,
    siteName: SITE_NAME,
    shellHtml: hasWeb ? fs.readFileSync(path.join(webDir, 'index.html'), 'utf8') : null,
  });
  if (hasWeb) {
    await fastify.register(fastifyStatic, {
      root: webDir,
      wildcard: false,
      index: false,
      setHeaders(res, file) {
        // Vite names built assets by content hash: they never change, so cache them for a year.
        res.header('cache-control', file.includes(`${path.sep}assets${path.sep}`)
          ? 'public, max-age=31536000, immutable'
          : 'no-cache');
      },
    });
  }
  fastify.setNotFoundHandler(async (request, reply) => {
    if (await answerPage(request, reply)) return reply;
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !path.extname(request.url.split('?')[0]!);
    if (isPage && hasWeb) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return reply.code(404).send(routeNotFound(request.method, request.url, String(request.id)));
  });

  return { app, platform, modules };
}
