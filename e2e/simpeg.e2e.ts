import { describe, expect, test } from 'vitest';
import { openPage, screenshot, signIn, usePlatformAndBrowser, VIEWPORTS } from './harness.js';

const env = usePlatformAndBrowser();

describe.each(VIEWPORTS)('SIMPEG agency registry at $name width', (viewport) => {
  test('the table pages through the agencies, searches and filters by kind', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    await page.goto('/simpeg');
    await page.getByRole('heading', { level: 1, name: 'Perangkat daerah' }).waitFor();
    const summary = page.getByText(/^Menampilkan \d+–\d+ dari \d+$/);
    await expect.poll(() => summary.textContent()).toMatch(/^Menampilkan 1–10 dari \d{2}$/);
    await screenshot(page, 'simpeg-agencies', viewport);

    await page.getByRole('button', { name: 'Halaman berikutnya' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/^Menampilkan 11–20 dari/);

    await page.getByRole('searchbox', { name: 'Cari nama atau singkatan' }).fill('kominfo');
    await expect.poll(() => summary.textContent()).toBe('Menampilkan 1–1 dari 1');
    await page.getByText('Dinas Komunikasi dan Informatika').first().waitFor();

    await page.getByRole('button', { name: 'Hapus pencarian' }).click();
    await page.getByRole('combobox', { name: 'Jenis' }).click();
    await page.getByRole('option', { name: 'Kecamatan' }).click();
    await expect.poll(() => summary.textContent()).toBe('Menampilkan 1–10 dari 18');
    await page.getByText('Kecamatan Slawi').first().waitFor();

    await page.getByRole('searchbox', { name: 'Cari nama atau singkatan' }).fill('tidak-ada-yang-begini');
    await page.getByText('Tidak ada hasil').waitFor();
    await page.getByRole('button', { name: 'Hapus penyaring' }).click();
    await expect.poll(() => summary.textContent()).toMatch(/^Menampilkan 1–10 dari \d{2}$/);
    await context.close();
  });

  test('while the registry loads it shows a skeleton; when the server fails, the error with its request id and a retry', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    let release: () => void = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    let failing = true;
    await page.route('**/api/agencies*', async (route) => {
      await held;
      if (!failing) return route.continue();
      return route.fulfill({
        status: 503,
        contentType: 'application/json',
        body: JSON.stringify({ code: 'unavailable', message: 'Layanan sedang tidak tersedia.', requestId: 'req-e2e-0001' }),
      });
    });
    await page.goto('/simpeg');
    await page.getByRole('status', { name: 'Memuat…' }).waitFor();
    await screenshot(page, 'simpeg-loading', viewport, { settle: false });

    release();
    await page.getByRole('alert').getByText('Data tidak dapat dimuat').waitFor({ timeout: 30_000 });
    await page.getByText('Kode permintaan: req-e2e-0001').waitFor();
    await screenshot(page, 'simpeg-error', viewport);

    failing = false;
    await page.getByRole('button', { name: 'Coba lagi' }).click();
    await page.getByText(/^Menampilkan 1–10 dari \d{2}$/).waitFor();
    await context.close();
  });

  test('the app navigation is a sidebar on desktop and a drawer behind the menu button on phones', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    await page.goto('/simpeg');
    await page.getByRole('heading', { level: 1, name: 'Perangkat daerah' }).waitFor();
    const menuButton = page.getByRole('button', { name: 'Buka menu navigasi' });
    if (viewport.mobile) {
      await menuButton.click();
      const drawer = page.getByRole('dialog');
      await drawer.getByRole('link', { name: 'Semua aplikasi' }).waitFor();
      expect(await drawer.getByRole('link', { name: 'Perangkat daerah' }).getAttribute('aria-current')).toBe('page');
      await screenshot(page, 'simpeg-drawer', viewport);
      await page.keyboard.press('Escape');
      await drawer.waitFor({ state: 'hidden' });
    } else {
      expect(await menuButton.isVisible()).toBe(false);
      const sidebar = page.getByRole('navigation', { name: 'Navigasi aplikasi' });
      expect(await sidebar.getByRole('link', { name: 'Perangkat daerah' }).getAttribute('aria-current')).toBe('page');
    }
    await context.close();
  });
});
