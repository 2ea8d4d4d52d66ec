import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiAs, openPage, screenshot, signIn, usePlatformAndBrowser, VIEWPORTS, type Viewport } from './harness.js';

// User administration: the demo system administrator links a staff account to its SIMPEG record
// by NIP, sees a taken NIP refused under the field, and unlinks the account again, at both widths.

const env = usePlatformAndBrowser();

const SURNAME = 'Kusumawardani';
/** Per width: the account to link and the free employee record; one record already linked elsewhere. */
const FREE: Record<Viewport['name'], { name: string; nip: string; username: string }> = {
  desktop: { name: `Eka ${SURNAME}`, nip: '198503142010012005', username: 'eka.tautan' },
  phone: { name: `Fani ${SURNAME}`, nip: '198807222012032006', username: 'fani.tautan' },
};
const TAKEN = { name: `Gilang ${SURNAME}`, nip: '198201102006041007', username: 'gilang.k' };

beforeAll(async () => {
  const bkpsdm = await apiAs(env.platform.url, 'bkpsdm');
  const admin = await apiAs(env.platform.url, 'admin');
  const [agency] = await bkpsdm.call<{ id: string }[]>('GET', '/api/agencies?q=kominfo');
  for (const person of [...Object.values(FREE), TAKEN]) {
    const nip = person.nip;
    await bkpsdm.call('POST', '/api/employees', {
      nip, kind: 'pns', name: person.name, gender: nip[14] === '1' ? 'male' : 'female', birthDate: `${nip.slice(0, 4)}-${nip.slice(4, 6)}-${nip.slice(6, 8)}`,
      birthPlace: 'Slawi', nik: `33280${nip.slice(2, 8)}00${nip.slice(-3)}`, address: 'Jl. Dr. Soetomo No. 1, Slawi', phone: '081390001234',
      rank: 'III/b', educationLevel: 'S1', agencyId: agency!.id, tmtCpns: `${nip.slice(8, 12)}-${nip.slice(12, 14)}-01`,
    });
    // Every account made by the administrator; only the taken record's is linked at creation.
    await admin.call('POST', '/api/users', {
      username: person.username, displayName: person.name, agencyId: agency!.id, roles: ['employee'], password: 'Sate-Blengong#Slawi-2031',
      ...(person === TAKEN ? { nip } : {}),
    });
  }
  await bkpsdm.close();
  await admin.close();
});

const spaced = (nip: string) => `${nip.slice(0, 8)} ${nip.slice(8, 14)} ${nip.slice(14, 15)} ${nip.slice(15)}`;

/** Opens the user administration from the user menu and narrows the list to one account; returns its row (or card). */
async function openAccount(page: Page, username: string) {
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Kelola pengguna' }).click();
  await page.getByRole('heading', { level: 1, name: 'Kelola pengguna' }).waitFor();
  await page.getByRole('searchbox', { name: 'Cari nama pengguna atau nama' }).fill(username);
  await expect.poll(() => page.getByTestId('users-summary').textContent()).toBe('Menampilkan 1–1 dari 1');
  return page.locator(`[data-user="${username}"]`);
}

describe.each(VIEWPORTS)('user administration at $name width', (viewport: Viewport) => {
  test('the system administrator links an account by NIP, is told when a NIP is taken, and unlinks it', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    const free = FREE[viewport.name];
    await signIn(page, 'admin');
    const row = await openAccount(page, free.username);
    await row.getByText('Belum tertaut').waitFor();
    expect(await row.getByRole('button', { name: /^Lepas tautan/ }).count()).toBe(0);
    await screenshot(page, 'users', viewport);

    // A NIP already linked to another account: refused under the field, with the person named.
    await row.getByRole('button', { name: `Tautkan ke pegawai: ${free.name}` }).click();
    const dialog = page.getByRole('dialog', { name: 'Tautkan akun ke data pegawai' });
    const nip = dialog.getByRole('textbox', { name: 'NIP atau NI PPPK' });
    await nip.fill(TAKEN.nip);
    await dialog.getByRole('button', { name: 'Tautkan', exact: true }).click();
    await dialog.getByText(`${TAKEN.name} sudah tertaut ke akun lain; satu pegawai satu akun.`).waitFor();
    expect(await nip.getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => nip.evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await screenshot(page, 'users-link-taken', viewport);

    // The free NIP, typed with spaces as it is printed on an SK, sent with Enter.
    await nip.fill(spaced(free.nip));
    await nip.press('Enter');
    await dialog.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText(`Akun ${free.username} kini tertaut ke ${free.name} (NIP ${spaced(free.nip)}).`).waitFor();
    await row.getByText(spaced(free.nip)).waitFor();
    expect(await row.getByRole('button', { name: /^Tautkan ke pegawai/ }).count()).toBe(0);

    // Unlinking asks first; the keyboard alone confirms it (the dialog opens on "Batal").
    const unlink = row.getByRole('button', { name: `Lepas tautan: ${free.name}` });
    await unlink.focus();
    await page.keyboard.press('Enter');
    const confirm = page.getByRole('dialog', { name: 'Lepas tautan ke data pegawai?' });
    await confirm.getByText(`Akun ${free.username} tidak lagi terhubung dengan data kepegawaian ${free.name} (NIP ${spaced(free.nip)}).`).waitFor();
    await expect.poll(() => confirm.getByRole('button', { name: 'Batal' }).evaluate((el) => el === el.ownerDocument.activeElement)).toBe(true);
    await screenshot(page, 'users-unlink', viewport);
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await confirm.waitFor({ state: 'hidden' });
    await page.getByRole('status').getByText(`Tautan akun ${free.username} ke data pegawai sudah dilepas.`).waitFor();
    await row.getByText('Belum tertaut').waitFor();
    await row.getByRole('button', { name: `Tautkan ke pegawai: ${free.name}` }).waitFor();
    await context.close();
  });
});

test('an agency admin sees the accounts of their agency without link actions', async () => {
  const { context, page } = await openPage(env.browser, env.platform.url, VIEWPORTS[0]);
  await signIn(page, 'opd.admin');
  const row = await openAccount(page, FREE.desktop.username);
  await row.getByText('Belum tertaut').waitFor();
  // Linking is the system administrator's; a password reset of a staff account of the agency is theirs.
  expect(await row.getByRole('button', { name: /Tautkan|Lepas/ }).count()).toBe(0);
  await row.getByRole('button', { name: /^Atur ulang kata sandi: / }).waitFor();
  await context.close();
});

test('an employee who manages no users is told so', async () => {
  const { context, page } = await openPage(env.browser, env.platform.url, VIEWPORTS[1]);
  await signIn(page, 'pegawai');
  // The menu does not offer the page; the address typed in says why it shows nothing.
  await page.getByTestId('user-menu').click();
  await page.getByRole('menuitem', { name: 'Semua aplikasi' }).waitFor();
  expect(await page.getByRole('menuitem', { name: 'Kelola pengguna' }).count()).toBe(0);
  await page.keyboard.press('Escape');
  await page.goto('/pengguna');
  await page.getByRole('heading', { name: 'Anda tidak mengelola pengguna' }).waitFor();
  await context.close();
});
