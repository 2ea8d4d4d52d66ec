import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ANONYMOUS, type Actor } from './http/actor.js';
import type { Authentication } from './http/types.js';

/**
 * What a use case knows about the call it serves, passed as its first argument (`fn(ctx, …)`):
 * who calls, which request to name in the audit log and the logs, from where, and the region's date
 * when the call began (one clock for TMTs, validity dates and ages: never UTC's date).
 */
export interface Ctx {
  readonly actor: Actor;
  /** How the actor was authenticated (session id and CSRF token for cookie sessions). */
  readonly auth: Authentication;
  /** The request id the logs and the error body carry; null outside HTTP (CLI, seeds, jobs). */
  readonly requestId: string | null;
  /** The client's address as the trusted proxies report it; null outside HTTP. */
  readonly address: string | null;
  readonly userAgent: string | null;
  /** Today (`yyyy-mm-dd`) in the region's time zone, fixed when the call began. */
  readonly today: string;
}

/** The context of a call that is not an HTTP request: the CLI, seeds, jobs and event handlers. */
export function systemContext(today: string, actor: Actor = ANONYMOUS): Ctx {
  return { actor, auth: { actor, via: actor === ANONYMOUS ? 'none' : 'token' }, requestId: null, address: null, userAgent: null, today };
}

/** Gives every request its `req.ctx`, built after the caller is resolved (install after access control). */
export function installRequestContext(app: FastifyInstance, today: () => string): void {
  app.decorateRequest('ctx', null as never);
  app.addHook('onRequest', async (request: FastifyRequest) => {
    const agent = request.headers['user-agent'];
    request.ctx = {
      actor: request.actor, auth: request.auth, requestId: String(request.id), address: request.ip,
      userAgent: typeof agent === 'string' ? agent.slice(0, 300) : null, today: today(),
    };
  });
}

declare module 'fastify' {
  interface FastifyRequest {
    ctx: Ctx;
  }
}
