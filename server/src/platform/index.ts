import type { FastifyBaseLogger } from 'fastify';
import type { Config } from './config.js';
import type { Database, Db } from './db/index.js';
import type { EventBus } from './events/index.js';
import type { BlobStore } from './files/index.js';

/** What the kernel hands every module: configuration, the database, events, files and a logger. */
export interface Platform {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly events: EventBus;
  readonly blobs: BlobStore;
  readonly log: FastifyBaseLogger;
  /**
   * Today's date (`yyyy-mm-dd`) in the region's time zone (`TIME_ZONE`): the one clock for TMTs,
   * delegations, validity dates and ages, so nothing uses UTC's date by mistake.
   */
  today(): string;
}

export type { App, Access } from './http/types.js';
export type { Actor } from './http/actor.js';
export { systemContext, type Ctx } from './context.js';
