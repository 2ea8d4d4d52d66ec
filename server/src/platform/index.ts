import type { FastifyBaseLogger } from 'fastify';
import type { Calendar } from './calendar/index.js';
import type { Config } from './config.js';
import type { Database, Db } from './db/index.js';
import type { EventBus } from './events/index.js';
import type { BlobStore } from './files/index.js';
import type { ImagePipeline } from './images/index.js';
import type { Mailer } from './mail/index.js';
import type { PageRegistry } from './pages/index.js';

/** What the kernel hands every module: configuration, the database, events, files, mail and a logger. */
export interface Platform {
  readonly config: Config;
  readonly database: Database;
  readonly db: Db;
  readonly events: EventBus;
  readonly blobs: BlobStore;
  /** Photos to safe variants in the blob store: checked, upright, blurred where asked, metadata stripped. */
  readonly images: ImagePipeline;
  /** Outgoing e-mail, queued through the job queue (nothing is sent without SMTP in production). */
  readonly mail: Mailer;
  readonly log: FastifyBaseLogger;
  /** Public pages shared as links: a module registers resolvers for its paths' metadata and its sitemap entries. */
  readonly pages: PageRegistry;
  /** Working days of the region: weekends and the holiday table (`addWorkingDays(ctx.today, 5)`). */
  readonly calendar: Calendar;
  /**
   * Today's date (`yyyy-mm-dd`) in the region's time zone (`TIME_ZONE`): the one clock for TMTs,
   * delegations, validity dates and ages, so nothing uses UTC's date by mistake.
   */
  today(): string;
}

export type { App, Access } from './http/types.js';
export type { Actor } from './http/actor.js';
export { systemContext, type Ctx } from './context.js';
