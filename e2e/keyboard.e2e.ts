import type { Page } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, openPage, screenshot, usePlatformAndBrowser, VIEWPORTS, type Viewport } from './harness.js';

const env = usePlatformAndBrowser();

/** What has the keyboard focus, as a keyboard user would judge it. */
interface Focused {
  /** Same number for the same element while the page lives. */
  key: number;
  /** The focus is on the page itself (nothing focused, or the browser's own chrome). */
  none: boolean;
  tag: string;
  role: string | null;
  name: string;
  href: string | null;
  inputName: string | null;
  tile: string | null;
  inDialog: boolean;
  inMain: boolean;
  isMain: boolean;
  /** An outline or a box shadow is drawn on it (or on the label that stands for a hidden radio). */
  ringVisible: boolean;
  /** It has a size and lies at least partly in the viewport. */
  onScreen: boolean;
}

// Evaluated as text: the e2e code is compiled without the DOM library. Two frames first, so that
// what the focus changed (the skip link sliding in) has been painted.
const READ_FOCUS = `new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))).then(() => {
  const el = document.activeElement;
  if (!el || el === document.body || el === document.documentElement) return { key: 0, none: true };
  window.__focusKeys = window.__focusKeys || new WeakMap();
  if (!window.__focusKeys.has(el)) window.__focusKeys.set(el, (window.__focusNext = (window.__focusNext || 0) + 1));
  const drawn = (node) => {
    if (!node || !(node instanceof Element)) return false;
    const s = getComputedStyle(node);
    const transparent = (c) => c === 'transparent' || /rgba\\([^)]*,\\s*0\\)$/.test(c);
    const outline = s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1 && !transparent(s.outlineColor);
    return outline || (s.boxShadow !== 'none' && s.boxShadow !== '');
  };
  // A segmented control's radio is visually hidden: its label carries the ring and the place.
  const stand = [el, ...(el.labels ? Array.from(el.labels) : []), el.nextElementSibling];
  const shown = stand.find((node) => node instanceof Element && node.getBoundingClientRect().width > 0) || el;
  const r = shown.getBoundingClientRect();
  return {
    key: window.__focusKeys.get(el),
    none: false,
    tag: el.tagName.toLowerCase(),
    role: el.getAttribute('role'),
    name: (el.getAttribute('aria-label') || el.textContent || el.getAttribute('placeholder') || '').replace(/\\s+/g, ' ').trim().slice(0, 80),
    href: el.getAttribute('href'),
    inputName: el.getAttribute('name'),
    tile: el.getAttribute('data-app-tile'),
    inDialog: Boolean(el.closest('[role="dialog"]')),
    inMain: Boolean(el.closest('main')),
    isMain: el.id === 'main',
    ringVisible: stand.some(drawn),
    onScreen: r.width > 0 && r.height > 0 && r.bottom > 0 && r.right > 0 && r.top < innerHeight && r.left < innerWidth,
  };
})`;

async function focused(page: Page): Promise<Focused> {
  return page.evaluate<Focused>(READ_FOCUS);
}

const describeFocus = (f: Focused) => (f.none ? '(page)' : `${f.tag}${f.role ? `[role=${f.role}]` : ''} "${f.name}"`);

/** Every stop must show where the focus is: a ring on screen (WCAG 2.4.7, 2.4.11). */
function expectVisibleFocus(f: Focused): void {
  if (f.none) return; // between the last stop and the first: the browser's own chrome
  expect(f.ringVisible, `no focus ring on ${describeFocus(f)}`).toBe(true);
  expect(f.onScreen, `${describeFocus(f)} has the focus off screen`).toBe(true);
}

/**
 * Presses Tab (or Shift+Tab) until the focus is on what `wanted` accepts (no press when it is
 * already), checking the ring at every stop on the way; fails, naming the stops, when it is not
 * reached in `max` presses. `next: true` presses at least once.
 */
async function tabTo(page: Page, wanted: (f: Focused) => boolean, what: string, options: { back?: boolean; max?: number; next?: boolean } = {}): Promise<Focused> {
  if (!options.next) {
    const current = await focused(page);
    if (!current.none && wanted(current)) return current;
  }
  const seen: string[] = [];
  for (let i = 0; i < (options.max ?? 80); i++) {
    await page.keyboard.press(options.back ? 'Shift+Tab' : 'Tab');
    const f = await focused(page);
    expectVisibleFocus(f);
    if (!f.none && wanted(f)) return f;
    seen.push(describeFocus(f));
  }
  throw new Error(`${what} was not reached by ${options.back ? 'Shift+Tab' : 'Tab'}; the stops were: ${seen.join(' → ')}`);
}

/** The skip link is the first stop of a freshly loaded page and moves the focus into <main>. */
async function checkSkipLink(page: Page): Promise<void> {
  await page.keyboard.press('Tab');
  const first = await focused(page);
  expectVisibleFocus(first);
  expect(first.href).toBe('#main');
  expect(first.name).toBe('Lewati ke konten utama');
  await page.keyboard.press('Enter');
  expect((await focused(page)).isMain).toBe(true);
  const next = await tabTo(page, () => true, 'the first stop after the skip link', { max: 1, next: true });
  expect(next.inMain, `after the skip link Tab went to ${describeFocus(next)}, outside <main>`).toBe(true);
}

describe.each(VIEWPORTS)('keyboard only at $name width', (viewport: Viewport) => {
  test('sign in, open SIMPEG from the launcher, search the directory and open a profile without a pointer', { timeout: 150_000 }, async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    // Someone to look for: the first person of the directory, found through the API only to know a name.
    const login = await page.request.post('/api/auth/login', { data: { username: 'bkpsdm', password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const people = ((await (await page.request.get('/api/employees?pageSize=50')).json()) as { items: { displayName: string }[] }).items;
    // A name without academic titles ("dr.", "S.Kom."), which the search does not match as typed.
    const someone = people.map((p) => p.displayName).find((name) => /^[\p{L} ]+$/u.test(name))!;
    await page.request.post('/api/auth/logout', { headers: { 'x-csrf-token': csrfToken } });

    // Sign-in page: skip link first, then the form, Shift+Tab goes back the same way.
    await page.goto('/masuk');
    await page.getByRole('heading', { level: 1, name: 'Masuk' }).waitFor();
    await checkSkipLink(page);
    const username = await tabTo(page, (f) => f.inputName === 'username', 'the username field');
    await page.keyboard.type('bkpsdm');
    const stops = [username];
    while (stops.at(-1)!.inputName !== 'password' && stops.length < 10) stops.push(await tabTo(page, () => true, 'the next stop', { max: 1, next: true }));
    expect(stops.at(-1)!.inputName, 'Tab reaches the password field').toBe('password');
    // Shift+Tab goes back the same way, to the stop before.
    await page.keyboard.press('Shift+Tab');
    expect((await focused(page)).key).toBe(stops.at(-2)!.key);
    await tabTo(page, (f) => f.inputName === 'password', 'the password field again', { max: 1 });
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press('Enter');

    // The launcher: SIMPEG's tile is a link.
    await page.locator('[data-app-tile]').first().waitFor();
    await tabTo(page, (f) => f.tile === 'simpeg', 'the SIMPEG tile');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Perangkat daerah' }).waitFor();

    // To the directory: the sidebar on desktop, the drawer behind the menu button on phones.
    if (viewport.mobile) {
      await tabTo(page, (f) => f.name === 'Buka menu navigasi', 'the menu button');
      await page.keyboard.press('Enter');
      await page.getByRole('dialog').waitFor();
      await tabTo(page, (f) => f.inDialog && f.href === '/simpeg/pegawai', 'Pegawai in the drawer');
    } else {
      await tabTo(page, (f) => f.href === '/simpeg/pegawai', 'Pegawai in the sidebar');
    }
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Pegawai' }).waitFor();
    if (viewport.mobile) {
      await page.getByRole('dialog').waitFor({ state: 'hidden' });
      // The drawer gives the focus back to the button that opened it.
      expect((await focused(page)).name).toBe('Buka menu navigasi');
    }

    // A fresh load of a staff page also starts with the skip link.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Pegawai' }).waitFor();
    await checkSkipLink(page);

    const search = await tabTo(page, (f) => f.tag === 'input' && f.name === 'Cari nama atau NIP', 'the directory search');
    await page.keyboard.type(someone);
    await expect.poll(() => new URL(page.url()).searchParams.get('q'), { timeout: 10_000 }).toBe(someone);
    await page.getByRole('link', { name: someone }).first().waitFor();

    // No trap: Tab goes through the whole page, past the skip link, and comes back to the search box.
    const cycle: Focused[] = [];
    for (let i = 0; i < 200; i++) {
      await page.keyboard.press('Tab');
      const f = await focused(page);
      expectVisibleFocus(f);
      cycle.push(f);
      if (f.key === search.key) break;
    }
    expect(cycle.at(-1)?.key, `Tab did not come back to the search box: ${cycle.map(describeFocus).join(' → ')}`).toBe(search.key);
    expect(cycle.some((f) => f.href === '#main'), 'the cycle passes the skip link').toBe(true);
    expect(cycle.some((f) => f.name.includes(someone)), 'the cycle passes the result').toBe(true);

    await tabTo(page, (f) => f.tag === 'a' && f.name.includes(someone), 'the result link');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: someone }).waitFor();

    // A form dialog gives the focus back to its button when Escape closes it.
    const assign = await tabTo(page, (f) => f.name === 'Tetapkan jabatan', 'the "Tetapkan jabatan" button');
    await page.keyboard.press('Enter');
    await page.getByRole('dialog').waitFor();
    await expect.poll(async () => (await focused(page)).inDialog, { timeout: 5_000 }).toBe(true);
    const inForm = await tabTo(page, (f) => f.inDialog && f.tag === 'input', 'a field of the form');
    expect(inForm.inDialog).toBe(true);
    await screenshot(page, 'keyboard-assign-dialog', viewport);
    // A select opens its options on focus: the first Escape closes them, the next one the dialog.
    await page.keyboard.press('Escape');
    await page.getByRole('listbox').waitFor({ state: 'hidden' });
    if (await page.getByRole('dialog').isVisible()) await page.keyboard.press('Escape');
    await page.getByRole('dialog').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).key, { timeout: 5_000 }).toBe(assign.key);
    expectVisibleFocus(await focused(page));

    // Arrow keys move between the history tabs.
    const firstTab = await tabTo(page, (f) => f.role === 'tab', 'the history tabs');
    await page.keyboard.press('ArrowRight');
    const secondTab = await focused(page);
    expect(secondTab.role).toBe('tab');
    expect(secondTab.key).not.toBe(firstTab.key);
    expectVisibleFocus(secondTab);
    expect(await page.evaluate('document.activeElement.getAttribute("aria-selected")')).toBe('true');

    // Back up the page with Shift+Tab to the account menu; arrows inside it; Escape returns the focus.
    const menuButton = await tabTo(page, (f) => f.name.startsWith('Menu akun:'), 'the account menu', { back: true, max: 120 });
    await page.keyboard.press('Enter');
    await page.getByRole('menu').waitFor();
    await page.keyboard.press('ArrowDown');
    await expect.poll(async () => (await focused(page)).role).toBe('menuitem');
    expectVisibleFocus(await focused(page));
    await page.keyboard.press('Escape');
    await page.getByRole('menu').waitFor({ state: 'hidden' });
    await expect.poll(async () => (await focused(page)).key, { timeout: 5_000 }).toBe(menuButton.key);
    await context.close();
  });
});
