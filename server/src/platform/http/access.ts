import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ForbiddenError, UnauthenticatedError, AppError } from '../errors.js';
import { ANONYMOUS } from './actor.js';
import type { Access, Authentication } from './types.js';

/** Resolves the caller of a request (session cookie or bearer token); supplied by the identity module. */
export type Authenticate = (request: FastifyRequest) => Promise<Authentication>;

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Header the web app echoes the session's CSRF token in, on every cookie-authenticated write. */
export const CSRF_HEADER = 'x-csrf-token';

/** One registered route as the access rules see it: method, URL pattern and declared access. */
export interface RouteEntry {
  method: string;
  url: string;
  access: Access | undefined;
}

// Filled by the onRoute hook below, per app, so the authorization matrix can compare the routes
// actually served with the route table in docs/security.md.
const routeTables = new WeakMap<FastifyInstance, RouteEntry[]>();

/** Every route registered on the app after access control was installed (HEAD twins included). */
export function registeredRoutes(app: FastifyInstance): readonly RouteEntry[] {
  return routeTables.get(app) ?? [];
}

/**
 * Installs authentication and access control for every route:
 * - each route must declare `config.access` (checked when it is registered, so none is forgotten);
 * - the caller is resolved once per request;
 * - cookie-authenticated writes must carry the session's CSRF token;
 * - the declared access is enforced before validation and the handler (401 when signed out, 403 when not allowed).
 */
export function installAccessControl(app: FastifyInstance, authenticate: Authenticate): void {
  app.decorateRequest('actor', null as never);
  app.decorateRequest('auth', null as never);

  const table: RouteEntry[] = [];
  routeTables.set(app, table);
  app.addHook('onRoute', (route) => {
    const url = route.url ?? route.path;
    for (const method of [route.method].flat()) table.push({ method: String(method), url, access: route.config?.access });
    const internal = url.startsWith('/api/docs') || route.method === 'HEAD';
    if (!internal && url.startsWith('/api/') && route.config?.access === undefined) {
      throw new Error(`Route ${String(route.method)} ${url} declares no config.access`);
    }
  });

  app.addHook('onRequest', async (request) => {
    request.auth = { actor: ANONYMOUS, via: 'none' };
    request.actor = ANONYMOUS;
    const access = request.routeOptions.config?.access;
    if (access === undefined) return; // static files, docs, 404s
    const auth = await authenticate(request);
    request.auth = auth;
    request.actor = auth.actor;
  });

  // preValidation, not preHandler: a caller who may not use the route learns 401/403 before the
  // body is checked, so the schema cannot be probed anonymously (body parsing still comes first).
  app.addHook('preValidation', async (request) => {
    const access: Access | undefined = request.routeOptions.config?.access;
    if (access === undefined) return;
    const { auth } = request;
    if (auth.via === 'session' && !SAFE_METHODS.has(request.method)) {
      const sent = request.headers[CSRF_HEADER];
      if (typeof sent !== 'string' || sent !== auth.csrfToken) {
        throw new AppError(403, 'csrf_invalid', 'Token keamanan (CSRF) tidak ada atau tidak cocok. Muat ulang halaman.');
      }
    }
    if (access === 'public') return;
    if (auth.actor.kind === 'anonymous') throw new UnauthenticatedError();
    if (access === 'authenticated') return;
    const allowed = 'permission' in access
      ? auth.actor.permissions.has(access.permission)
      : access.anyPermission.some((p) => auth.actor.permissions.has(p));
    if (!allowed) throw new ForbiddenError();
  });
}
