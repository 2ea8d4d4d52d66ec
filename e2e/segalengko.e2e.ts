import { describe, expect, test } from 'vitest';
import { openPage, screenshot, usePlatformAndBrowser, VIEWPORTS } from './harness.js';

const env = usePlatformAndBrowser();

describe.each(VIEWPORTS)('Segalengko at $name width', (viewport) => {
  test('a visitor browses the kecamatan and drills down to the villages of Slawi', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await page.goto('/');
    await page.locator('[data-app-tile="segalengko"]').click();
    await page.waitForURL((url) => url.pathname === '/segalengko');
    await page.getByText('Kabupaten Tegal terdiri dari 18 kecamatan dan 287 desa dan kelurahan.').waitFor();
    const districts = page.getByTestId('district-list').getByRole('link');
    await expect.poll(() => districts.count()).toBe(18);
    expect(await page.title()).toBe('Segalengko · Tegal Smart City');
    await screenshot(page, 'segalengko', viewport, { fullPage: !viewport.mobile });

    await page.getByRole('searchbox', { name: 'Cari kecamatan' }).fill('sla');
    await expect.poll(() => districts.count()).toBe(1);
    await districts.first().click();
    await page.getByRole('heading', { level: 1, name: 'Kecamatan Slawi' }).waitFor();
    const summary = page.getByText(/^Menampilkan \d+–\d+ dari \d+$/);
    await expect.poll(() => summary.textContent()).toMatch(/^Menampilkan 1–\d+ dari \d+$/);
    await screenshot(page, 'segalengko-district', viewport);

    // Slawi is the capital: its villages include kelurahan, which the kind filter isolates.
    await page.getByText('Kelurahan', { exact: true }).first().click();
    await expect.poll(() => summary.textContent()).toMatch(/^Menampilkan 1–\d dari \d$/);
    await page.getByRole('link', { name: 'Segalengko' }).first().click();
    await page.waitForURL((url) => url.pathname === '/segalengko');
    await context.close();
  });
});
