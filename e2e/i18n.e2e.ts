import { describe, expect, test } from 'vitest';
import { openPage, screenshot, usePlatformAndBrowser, VIEWPORTS } from './harness.js';

const env = usePlatformAndBrowser();

describe.each(VIEWPORTS)('language switch at $name width', (viewport) => {
  test('switching to English translates the page, and the choice survives a reload', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await page.goto('/');
    await page.getByRole('heading', { level: 1, name: 'Layanan digital Kabupaten Tegal dalam satu pintu' }).waitFor();

    await page.getByTestId('language-switch').getByText('EN').click();
    await page.getByRole('heading', { level: 1, name: "Tegal Regency's digital services through one door" }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await screenshot(page, 'landing-english', viewport);

    await page.reload();
    await page.getByRole('heading', { level: 1, name: "Tegal Regency's digital services through one door" }).waitFor();
    await page.goto('/masuk');
    await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    await page.getByLabel('Username').waitFor();

    // Numbers stay in Indonesian notation in either language.
    await page.goto('/segalengko');
    await page.getByText('Kabupaten Tegal has 18 districts (kecamatan) and 287 villages (desa and kelurahan).').waitFor();

    await page.getByTestId('language-switch').getByText('ID').click();
    await page.getByRole('heading', { level: 2, name: 'Wilayah' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    await context.close();
  });
});
