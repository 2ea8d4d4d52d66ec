import { request } from 'playwright-core';
import { describe, expect, test } from 'vitest';
import { openPage, screenshot, usePlatformAndBrowser, VIEWPORTS, type Viewport } from './harness.js';

// Password recovery as a citizen meets it: "Lupa kata sandi?" on the sign-in page, the link from the
// e-mail (the platform's file mailbox here), a new password, and signing in with it — at both widths.

const env = usePlatformAndBrowser();
const OLD_PASSWORD = 'Teh-Poci#Slawi-2031';
const NEW_PASSWORD = 'Tahu-Aci#Banjaran-2032';

/** Registers a citizen with an e-mail address through the API, as the registration page does. */
async function registerCitizen(username: string, email: string): Promise<void> {
  const context = await request.newContext({ baseURL: env.platform.url });
  const res = await context.post('/api/auth/register', { data: { username, displayName: 'Sri Rahayu', email, password: OLD_PASSWORD } });
  expect(res.status()).toBe(201);
  await context.dispose();
}

describe.each(VIEWPORTS)('password recovery at $name width', (viewport: Viewport) => {
  test('a citizen asks for a link, sets a new password from it, and signs in with it', async () => {
    const username = `sri.${viewport.name}`;
    const email = `sri.${viewport.name}@contoh.id`;
    await registerCitizen(username, email);
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);

    await page.goto('/masuk');
    await page.getByRole('link', { name: 'Lupa kata sandi?' }).click();
    await page.getByRole('heading', { level: 1, name: 'Lupa kata sandi' }).waitFor();
    await page.getByLabel('Nama pengguna atau e-mail').fill(email);
    await screenshot(page, 'recovery-request', viewport);
    await page.getByRole('button', { name: 'Kirim tautan' }).click();
    await page.getByRole('heading', { level: 1, name: 'Periksa e-mail Anda' }).waitFor();

    // The mail leaves through the job queue; its link is the only way in.
    await env.platform.drainJobs();
    const mail = (await env.platform.mailbox()).filter((m) => m.to === email);
    expect(mail).toHaveLength(1);
    const link = /https?:\/\/\S+\/atur-ulang-sandi\?token=\S+/.exec(mail[0]!.text)?.[0];
    expect(link, mail[0]!.text).toBeDefined();

    await page.goto(new URL(link!).pathname + new URL(link!).search);
    await page.getByRole('heading', { level: 1, name: 'Buat kata sandi baru' }).waitFor();
    // The token leaves the address bar once read, so it is not kept in the history or shared by mistake.
    await expect.poll(() => new URL(page.url()).search).toBe('');
    await page.getByLabel(/^Kata sandi baru/).fill(NEW_PASSWORD);
    await page.getByLabel('Ulangi kata sandi baru').fill(NEW_PASSWORD);
    await screenshot(page, 'recovery-reset', viewport);
    await page.getByRole('button', { name: 'Simpan kata sandi baru' }).click();
    await page.getByRole('heading', { name: 'Kata sandi sudah diganti' }).waitFor();

    await page.getByRole('link', { name: 'Masuk' }).click();
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(NEW_PASSWORD);
    await page.getByRole('button', { name: 'Masuk' }).click();
    await page.getByTestId('user-menu').waitFor();
    await context.close();
  });
});
