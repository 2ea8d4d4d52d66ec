import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, request, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { audit, auditPages } from './a11y.js';
import { seedDemo } from '../server/seeds/demo.js';
import { seedReference } from '../server/seeds/index.js';
import { buildApp } from '../server/src/app.js';
import { loadConfig } from '../server/src/platform/config.js';
import { openPglite, runMigrations } from '../server/src/platform/db/index.js';
import { readMailbox, type MailboxEntry } from '../server/src/platform/mail/index.js';
import type { Platform } from '../server/src/platform/index.js';
import { NO_PROGRESS } from '../server/src/platform/progress.js';

const SCREENSHOTS = path.join(path.dirname(fileURLToPath(import.meta.url)), 'screenshots');

/** The password of every demo account. */
export const DEMO_PASSWORD = 'Slawi#2026';

/** The two widths every scenario runs at. */
export const VIEWPORTS = [
  { name: 'desktop', width: 1280, height: 800, mobile: false },
  { name: 'phone', width: 360, height: 740, mobile: true },
] as const;
export type Viewport = (typeof VIEWPORTS)[number];

/**
 * Starts the platform and a browser before a test file's tests and stops both after them;
 * the returned object's fields are set once `beforeAll` has run.
 */
export function usePlatformAndBrowser(): { readonly platform: RunningPlatform; readonly browser: Browser } {
  const env = {} as { platform: RunningPlatform; browser: Browser };
  beforeAll(async () => {
    env.platform = await startPlatform();
    env.browser = await launchBrowser();
  });
  afterAll(async () => {
    await env.browser?.close();
    await env.platform?.close();
  });
  return env;
}

/** A running platform and how to stop it. */
export interface RunningPlatform {
  url: string;
  /** Runs the queued jobs and event deliveries (e-mail among them) until none is left: no worker runs here. */
  drainJobs(): Promise<void>;
  /** The messages in the platform's file mailbox (`DATA_DIR/mailbox`), oldest first. */
  mailbox(): Promise<MailboxEntry[]>;
  /** The kernel the platform runs on, for what a test must do behind the scenes (publish an event a module would). */
  platform: Platform;
  close(): Promise<void>;
}

/**
 * Starts the whole platform in this process on a random port: in-memory PGlite, migrations, the
 * Kabupaten Tegal reference data and the demo accounts, serving the built web app from web/dist.
 */
export async function startPlatform(): Promise<RunningPlatform> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tsc-e2e-'));
  const config = loadConfig({ NODE_ENV: 'test', DATA_DIR: dataDir, SEED_PROFILE: 'none', LOG_LEVEL: 'silent' });
  const database = await openPglite();
  await runMigrations(database);
  const { app, modules, platform } = await buildApp(config, database);
  await seedReference(modules, '33.28');
  await seedDemo(modules, NO_PROGRESS);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const { port } = app.server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    async drainJobs() {
      await platform.events.drain();
    },
    platform,
    mailbox: () => (config.mail.kind === 'mailbox' ? readMailbox(config.mail.dir) : Promise.resolve([])),
    async close() {
      await app.close();
      await database.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Launches Debian's Chromium, headless, with the network chatter of a desktop browser turned off. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
}

/**
 * A fresh browser profile (no cookies, no stored language) at the given viewport. Every page it
 * shows is audited with axe-core (WCAG 2.0/2.1 A and AA) as the test goes: see `a11y.ts`.
 */
export async function openPage(browser: Browser, baseURL: string, viewport: Viewport): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({
    baseURL,
    viewport: { width: viewport.width, height: viewport.height },
    deviceScaleFactor: 1,
    isMobile: viewport.mobile,
    hasTouch: viewport.mobile,
    locale: 'id-ID',
    timezoneId: 'Asia/Jakarta',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  const page = await context.newPage();
  auditPages(context, page, `${viewport.name} ${viewport.width}×${viewport.height}`);
  return { context, page };
}

/**
 * Saves what the user sees as e2e/screenshots/<name>-<viewport>.png (gitignored): the first screen,
 * scrolled to the top, once fonts, lazy chunks and requests have settled; `fullPage` for long pages
 * without fixed bars; `settle: false` to catch a loading state. Then audits that state with axe.
 */
export async function screenshot(page: Page, name: string, viewport: Viewport, options: { fullPage?: boolean; settle?: boolean } = {}): Promise<void> {
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  if (options.settle ?? true) await page.waitForLoadState('networkidle');
  await page.evaluate('document.fonts.ready.then(() => window.scrollTo(0, 0))');
  if (!viewport.mobile) await page.mouse.move(0, viewport.height - 1); // no hover effect in the picture
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}-${viewport.name}.png`), fullPage: options.fullPage ?? false, animations: 'disabled' });
  await audit(page, `screenshot ${name}`);
}

/** Signs in through the sign-in form and waits for the launcher. */
export async function signIn(page: Page, username: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto('/masuk');
  await page.getByLabel('Nama pengguna').fill(username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Masuk', exact: true }).click();
  await page.locator('[data-app-tile]').first().waitFor();
}

/** The app keys of the tiles the launcher shows, in order. */
export function tileKeys(page: Page): Promise<string[]> {
  return page.locator('[data-app-tile]').evaluateAll((tiles) => tiles.map((t) => t.getAttribute('data-app-tile') ?? ''));
}

/** An API client of the platform at `baseURL`, signed in as a demo account, sending the CSRF header on writes. */
export interface ApiClient {
  call<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T>;
  close(): Promise<void>;
}

export async function apiAs(baseURL: string, username: string): Promise<ApiClient> {
  const context = await request.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  return {
    async call<T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> {
      const response = await context.fetch(path, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken } });
      if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
      return (await response.json()) as T;
    },
    close: () => context.dispose(),
  };
}
