import { describe, expect, test } from 'vitest';
import { openPage, screenshot, signIn, tileKeys, usePlatformAndBrowser, VIEWPORTS } from './harness.js';

const env = usePlatformAndBrowser();

describe.each(VIEWPORTS)('launcher at $name width', (viewport) => {
  test('a visitor sees the public landing with the three public apps and a way to sign in', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await page.goto('/');
    await expect.poll(() => tileKeys(page)).toEqual(['segalengko', 'dolan', 'satudata']);
    await page.getByRole('heading', { level: 1, name: 'Layanan digital Kabupaten Tegal dalam satu pintu' }).waitFor();
    // The regency's real figures from the region and agency registries.
    await page.getByText('287', { exact: true }).waitFor();
    expect(await page.getByRole('link', { name: 'Masuk' }).count()).toBeGreaterThan(0);
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await screenshot(page, 'landing', viewport, { fullPage: !viewport.mobile });
    await context.close();
  });

  test('a visitor opening a staff app is sent to sign in, and comes back after', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await page.goto('/simpeg');
    await page.waitForURL((url) => url.pathname === '/masuk' && url.searchParams.get('next') === '/simpeg');
    await page.getByRole('heading', { name: 'Masuk' }).waitFor();
    await screenshot(page, 'sign-in', viewport);
    await context.close();
  });

  test('admin signs in and sees all seven app tiles', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'admin');
    expect(await tileKeys(page)).toEqual(['segalengko', 'dolan', 'eoffice', 'simpeg', 'satudata', 'sate', 'smartcity']);
    await page.getByRole('heading', { name: /Selamat datang, / }).waitFor();
    await screenshot(page, 'launcher-admin', viewport, { fullPage: !viewport.mobile });
    await context.close();
  });

  test('admin opens every app from the launcher; each home loads in its own shell', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'admin');
    const homes: [string, string][] = [
      ['segalengko', 'Halo, warga Kabupaten Tegal'],
      ['dolan', 'Dolan'],
      ['eoffice', 'E-office'],
      ['simpeg', 'Perangkat daerah'],
      ['satudata', 'Satu Data'],
      ['sate', 'Ringkasan eksekutif'],
      ['smartcity', 'Smart City & SPBE'],
    ];
    for (const [key, heading] of homes) {
      await page.goto('/');
      await page.locator(`[data-app-tile="${key}"]`).click();
      await page.waitForURL((url) => url.pathname === `/${key}`);
      await page.getByRole('heading', { level: 1, name: heading, exact: true }).waitFor();
      if (['dolan', 'eoffice', 'smartcity'].includes(key)) await screenshot(page, `${key}-home`, viewport);
    }
    await context.close();
  });

  test('warga signs in and sees only the citizen apps; a staff app says no access', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'warga');
    expect(await tileKeys(page)).toEqual(['segalengko', 'dolan', 'satudata']);
    await page.goto('/eoffice');
    await page.getByRole('heading', { name: 'Anda tidak memiliki akses ke E-office' }).waitFor();
    await screenshot(page, 'no-access', viewport);

    // Signing out is a cookie-authenticated write: it only works when the CSRF token is sent.
    await page.getByTestId('user-menu').click();
    await page.getByRole('menuitem', { name: 'Keluar' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.getByRole('heading', { level: 1, name: 'Layanan digital Kabupaten Tegal dalam satu pintu' }).waitFor();
    expect(await page.evaluate("fetch('/api/auth/me').then((r) => r.status)")).toBe(401);
    await context.close();
  });

  test('the executive shell opens SATE for the bupati', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bupati');
    await page.locator('[data-app-tile="sate"]').click();
    await page.getByRole('heading', { level: 1, name: 'Ringkasan eksekutif' }).waitFor();
    await page.getByText('Kecamatan', { exact: true }).waitFor();
    await screenshot(page, 'sate', viewport);
    await context.close();
  });
});
