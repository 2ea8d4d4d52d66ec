import { Secret, TOTP } from 'otpauth';
import { describe, expect, test } from 'vitest';
import { DEMO_PASSWORD, openPage, screenshot, tileKeys, usePlatformAndBrowser, VIEWPORTS } from './harness.js';

const env = usePlatformAndBrowser();

describe.each(VIEWPORTS)('sign-in and registration at $name width', (viewport) => {
  test('an empty sign-in form shows what is missing under each field', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await page.goto('/masuk');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByText('Isi nama pengguna.').waitFor();
    await page.getByText('Isi kata sandi.').waitFor();
    // The first field with a problem gets the focus, so keyboard users land on it.
    expect(await page.evaluate('document.activeElement?.getAttribute("name")')).toBe('username');
    await context.close();
  });

  test('a wrong password shows the error in Bahasa Indonesia', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill('pegawai');
    await page.getByLabel('Kata sandi', { exact: true }).fill('salah-sandi-123');
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toBe('Nama pengguna atau kata sandi salah.');
    expect(new URL(page.url()).pathname).toBe('/masuk');
    await screenshot(page, 'sign-in-error', viewport);
    await context.close();
  });

  test('an official with two-step verification is asked for the code after the password', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    const username = viewport.mobile ? 'opd.admin' : 'bkpsdm';
    // Turn TOTP on through the API, as the account's owner would from their profile.
    const login = await page.request.post('/api/auth/login', { data: { username, password: DEMO_PASSWORD } });
    const { csrfToken } = (await login.json()) as { csrfToken: string };
    const headers = { 'x-csrf-token': csrfToken };
    const setup = (await (await page.request.post('/api/auth/totp/setup', { headers })).json()) as { secret: string };
    const totp = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(setup.secret) });
    // The previous time step for enabling, the current one for signing in: each step is accepted once.
    // The server accepts the previous step only until the current one ends: near its end, wait for the
    // next, so a slow request cannot turn the code two steps old on its way.
    const intoStepMs = Date.now() % 30_000;
    if (intoStepMs > 20_000) await page.waitForTimeout(30_000 - intoStepMs + 250);
    const enabled = await page.request.post('/api/auth/totp/enable', { headers, data: { code: totp.generate({ timestamp: Date.now() - 30_000 }) } });
    expect(enabled.status()).toBe(204);
    await page.request.post('/api/auth/logout', { headers });

    await page.goto('/masuk');
    await page.getByLabel('Nama pengguna').fill(username);
    await page.getByLabel('Kata sandi', { exact: true }).fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Masuk', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Verifikasi dua langkah' }).waitFor();
    await page.getByLabel('Kode verifikasi').fill('000000');
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await expect.poll(() => page.getByTestId('form-error').textContent()).toBe('Kode verifikasi salah atau sudah kedaluwarsa.');
    await screenshot(page, 'sign-in-totp', viewport);

    await page.getByLabel('Kode verifikasi').fill(totp.generate());
    await page.getByRole('button', { name: 'Verifikasi' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await page.locator('[data-app-tile="simpeg"]').waitFor();
    await context.close();
  });

  test('registration: a weak password is refused under the field, a strong one creates the account', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    const username = `warga.baru.${viewport.name}`;
    await page.goto('/daftar');
    await page.getByRole('textbox', { name: 'Nama lengkap' }).fill('Siti Aminah');
    await page.getByRole('textbox', { name: 'Nama pengguna' }).fill(username);
    // Password fields have no ARIA role; their labels end in a required-field asterisk.
    await page.locator('input[name="password"]').fill('password123');
    await page.locator('input[name="confirm"]').fill('password123');
    await page.getByText('Kekuatan kata sandi: sangat lemah').waitFor();
    await page.getByRole('button', { name: 'Buat akun' }).click();

    const passwordError = page.locator('[name="password"]').locator('xpath=ancestor::div[contains(@class,"mantine-InputWrapper-root")]').locator('.mantine-InputWrapper-error');
    await passwordError.waitFor();
    expect((await passwordError.textContent())?.length).toBeGreaterThan(5);
    expect(await page.locator('[name="password"]').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'register-weak-password', viewport);

    const strong = 'Gunung Slamet berkabut 3428';
    await page.locator('input[name="password"]').fill(strong);
    await page.locator('input[name="confirm"]').fill(strong);
    await page.getByRole('button', { name: 'Buat akun' }).click();
    await page.waitForURL((url) => url.pathname === '/');
    await expect.poll(() => tileKeys(page)).toEqual(['segalengko', 'dolan', 'satudata']);
    await page.getByRole('heading', { name: 'Selamat datang, Siti Aminah' }).waitFor();
    await context.close();
  });
});
