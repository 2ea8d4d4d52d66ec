import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyBaseLogger, FastifyInstance, RawReplyDefaultExpression, RawRequestDefaultExpression, RawServerDefault } from 'fastify';
import type { Actor } from './actor.js';

/** The Fastify instance every module registers its routes on (TypeBox-typed). */
export type App = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  TypeBoxTypeProvider
>;

/**
 * Who may call a route; every route declares one in `config.access`:
 * `public` (anyone), `authenticated` (any signed-in user or token), a permission name, or any of
 * several (for writes a service then scopes per record, e.g. system-wide or own-agency rights).
 */
export type Access = 'public' | 'authenticated' | { permission: string } | { anyPermission: readonly string[] };

/** How long browsers and shared caches may keep a route's successful answer. */
export interface PublicCache {
  maxAgeSeconds: number;
}

/** How the request was authenticated; cookie sessions need a CSRF token on writes. */
export interface Authentication {
  actor: Actor;
  via: 'session' | 'token' | 'none';
  /** The session's CSRF token, when `via` is `session`. */
  csrfToken?: string;
  /** The session id, when `via` is `session`. */
  sessionId?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    actor: Actor;
    auth: Authentication;
  }
  interface FastifyContextConfig {
    access?: Access;
    /** Declares an answer public and the same for everyone, so caches may keep it (see cache.ts); otherwise `no-store`. */
    cache?: PublicCache;
  }
}
