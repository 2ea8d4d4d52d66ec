import { request, type Locator, type Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { auditPages } from './a11y.js';
import { DEMO_PASSWORD, openPage, screenshot, signIn, usePlatformAndBrowser, VIEWPORTS, type Viewport } from './harness.js';

// SIMPEG's history forms and the abilities the server hands the web: an agency admin (opd.admin,
// Diskominfo) adds a promotion, an education, a training and a leave to an employee of their own
// agency; a leave ending before it starts is refused in the form, one overlapping another by the
// server, under the field it names. The org chart offers "Tunjuk Plt/Plh" only where the server
// says the admin may appoint.

const env = usePlatformAndBrowser();

/** One employee of Diskominfo per width, so each width writes its own history. */
const people = {} as Record<Viewport['name'], { id: string; name: string }>;
let diskominfo = '';
let dinkes = '';

beforeAll(async () => {
  const context = await request.newContext({ baseURL: env.platform.url });
  const login = await context.post('/api/auth/login', { data: { username: 'bkpsdm', password: DEMO_PASSWORD } });
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: 'GET' | 'POST', path: string, data?: unknown): Promise<T> => {
    const response = await context.fetch(path, { method, data, headers: method === 'GET' ? {} : { 'x-csrf-token': csrfToken } });
    if (!response.ok()) throw new Error(`${method} ${path}: ${response.status()} ${await response.text()}`);
    return (await response.json()) as T;
  };
  diskominfo = (await call<{ id: string }[]>('GET', '/api/agencies?q=kominfo'))[0]!.id;
  dinkes = (await call<{ id: string; shortName: string }[]>('GET', '/api/agencies?q=dinkes')).find((a) => a.shortName === 'Dinkes')?.id ?? '';
  const made = [
    { viewport: 'desktop', name: 'Galih Pranowo', gender: 'male', birth: '1985-03-14', nip: '198503142010011007', tmtCpns: '2010-01-01' },
    { viewport: 'phone', name: 'Hesti Pranowo', gender: 'female', birth: '1988-11-05', nip: '198811052012122008', tmtCpns: '2012-12-01' },
  ] as const;
  for (const p of made) {
    const employee = await call<{ id: string; displayName: string }>('POST', '/api/employees', {
      nip: p.nip, kind: 'pns', name: p.name, gender: p.gender, birthDate: p.birth, birthPlace: 'Slawi', rank: 'III/a', rankTmt: '2020-04-01',
      educationLevel: 'S1', educationMajor: 'Teknik Informatika', agencyId: diskominfo, tmtCpns: p.tmtCpns,
    });
    people[p.viewport] = { id: employee.id, name: employee.displayName };
  }
  await context.dispose();
});

/** Opens the history tab whose name starts with `tab` and its "Tambah …" dialog. */
async function openForm(page: Page, tab: string, button: string): Promise<Locator> {
  await page.getByRole('tab', { name: new RegExp(`^${tab}`) }).click();
  await page.getByRole('button', { name: button }).click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor();
  return dialog;
}

/** Saves the dialog's form and waits until it has closed with the record saved. */
async function save(page: Page, dialog: Locator, submit: string, saved: string): Promise<void> {
  await dialog.getByRole('button', { name: submit }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('status').filter({ hasText: saved }).waitFor();
}

/** Picks an option of a select inside the dialog. */
async function choose(page: Page, dialog: Locator, field: string, option: string | RegExp): Promise<void> {
  await dialog.getByRole('combobox', { name: field }).click();
  await page.getByRole('option', { name: option }).click();
}

describe.each(VIEWPORTS)('SIMPEG history forms at $name width', (viewport: Viewport) => {
  test('an agency admin adds a promotion, an education, a training and a leave, and sees each in the history', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    const person = people[viewport.name];
    await signIn(page, 'opd.admin');
    await page.goto(`/simpeg/pegawai/${person.id}`);
    await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
    const panel = page.getByRole('tabpanel');

    // Rank: the step above III/a is offered first; the newest TMT becomes the current rank.
    let dialog = await openForm(page, 'Pangkat', 'Tambah pangkat');
    expect(await dialog.getByRole('combobox', { name: 'Pangkat/golongan' }).inputValue()).toBe('Penata Muda Tingkat I (III/b)');
    await dialog.getByLabel('TMT pangkat').fill('2024-04-01');
    await dialog.getByLabel('Nomor SK').fill('823.3/112/2024');
    await screenshot(page, 'simpeg-history-rank-form', viewport);
    await save(page, dialog, 'Simpan pangkat', 'Riwayat pangkat tersimpan.');
    // The dialog gives the focus back to the button that opened it.
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Tambah pangkat');
    await panel.getByText('Penata Muda Tingkat I (III/b)').waitFor();
    await panel.getByText('1 April 2024').waitFor();
    await page.getByText('Penata Muda Tingkat I (III/b) · TMT 1 April 2024').waitFor(); // the record above took it

    // Education: a master's degree.
    dialog = await openForm(page, 'Pendidikan', 'Tambah pendidikan');
    await choose(page, dialog, 'Jenjang', 'S2');
    await dialog.getByLabel('Tahun lulus').fill('2019');
    await dialog.getByLabel('Nama sekolah/perguruan tinggi').fill('Universitas Diponegoro');
    await dialog.getByLabel('Jurusan').fill('Magister Sistem Informasi');
    await screenshot(page, 'simpeg-history-education-form', viewport);
    await save(page, dialog, 'Simpan pendidikan', 'Riwayat pendidikan tersimpan.');
    await panel.getByText('Universitas Diponegoro').waitFor();
    await page.getByText('S2 Magister Sistem Informasi').waitFor(); // the highest education now

    // Training.
    dialog = await openForm(page, 'Diklat', 'Tambah diklat');
    await dialog.getByRole('radio', { name: 'Struktural' }).check();
    await dialog.getByLabel('Nama diklat').fill('Pelatihan Kepemimpinan Pengawas');
    await dialog.getByLabel('Penyelenggara').fill('BPSDMD Provinsi Jawa Tengah');
    await dialog.getByLabel('Jumlah jam pelajaran').fill('40');
    await dialog.getByLabel('Tanggal mulai').fill('2025-03-10');
    await dialog.getByLabel('Tanggal selesai').fill('2025-03-14');
    await screenshot(page, 'simpeg-history-training-form', viewport);
    await save(page, dialog, 'Simpan diklat', 'Riwayat diklat tersimpan.');
    await panel.getByText('Pelatihan Kepemimpinan Pengawas').waitFor();
    await panel.getByText('10 Maret 2025 – 14 Maret 2025').waitFor();

    // Leave: the last day before the first is refused in the form, under the field.
    dialog = await openForm(page, 'Cuti', 'Tambah cuti');
    await choose(page, dialog, 'Jenis cuti', 'Cuti tahunan');
    await dialog.getByLabel('Hari pertama cuti').fill('2025-08-11');
    await dialog.getByLabel('Hari terakhir cuti').fill('2025-08-08');
    await dialog.getByRole('button', { name: 'Simpan cuti' }).click();
    await dialog.getByText('Hari terakhir cuti tidak boleh sebelum hari pertama.').waitFor();
    expect(await dialog.getByLabel('Hari terakhir cuti').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'simpeg-history-leave-invalid', viewport);
    await dialog.getByLabel('Hari terakhir cuti').fill('2025-08-15');
    await dialog.getByText('Lama cuti 5 hari kalender.').waitFor();
    await save(page, dialog, 'Simpan cuti', 'Riwayat cuti tersimpan.');
    await panel.getByText('11 Agustus 2025 – 15 Agustus 2025').waitFor();
    await screenshot(page, 'simpeg-history-saved', viewport, { fullPage: viewport.mobile });

    // A leave overlapping that one: the server's reason, under the first day it names.
    dialog = await openForm(page, 'Cuti', 'Tambah cuti');
    await choose(page, dialog, 'Jenis cuti', 'Cuti sakit');
    await dialog.getByLabel('Hari pertama cuti').fill('2025-08-14');
    await dialog.getByLabel('Hari terakhir cuti').fill('2025-08-19');
    await dialog.getByRole('button', { name: 'Simpan cuti' }).click();
    await dialog.getByText(/^Sudah ada cuti tahunan 11 Agustus 2025 – 15 Agustus 2025 yang bertumpang tindih/).waitFor();
    expect(await dialog.getByLabel('Hari pertama cuti').getAttribute('aria-invalid')).toBe('true');
    await expect.poll(() => page.evaluate('document.activeElement?.getAttribute("name")')).toBe('startDate');
    await screenshot(page, 'simpeg-history-leave-overlap', viewport);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(() => page.evaluate('document.activeElement?.textContent')).toBe('Tambah cuti');

    // The count on the tab follows the answer: one leave, the overlapping one was not saved.
    expect(await page.getByRole('tab', { name: /^Cuti/ }).textContent()).toBe('Cuti1');
    await context.close();
  });

  test('the org chart offers "Tunjuk Plt/Plh" where the server says the admin may appoint, and nowhere else', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'opd.admin');
    await page.goto(`/simpeg/struktur?opd=${diskominfo}`);
    await page.getByRole('heading', { level: 1, name: 'Struktur organisasi' }).waitFor();
    await page.getByRole('button', { name: /^Tunjuk Plt\/Plh untuk/ }).first().waitFor();

    expect(dinkes).not.toBe('');
    await page.goto(`/simpeg/struktur?opd=${dinkes}`);
    await page.getByRole('list', { name: 'Jabatan di unit ini' }).first().waitFor();
    expect(await page.getByRole('button', { name: /^Tunjuk Plt\/Plh untuk/ }).count()).toBe(0);
    expect(await page.getByRole('button', { name: /^Akhiri / }).count()).toBe(0);
    await context.close();
  });
});

test('dates and "today" follow the time zone the server tells, not the browser\'s', async () => {
  // A browser at UTC−11 and a region (as /api/regions answers) at UTC+14: 25 hours apart, so their
  // calendar dates always differ. The assignment form starts at "today": the region's.
  const regionZone = 'Pacific/Kiritimati';
  const context = await env.browser.newContext({ baseURL: env.platform.url, viewport: { width: 1280, height: 800 }, locale: 'id-ID', timezoneId: 'Pacific/Pago_Pago', reducedMotion: 'reduce' });
  const page = await context.newPage();
  auditPages(context, page, 'desktop 1280×800, browser at UTC−11');
  await page.route('**/api/regions', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, json: { ...((await response.json()) as object), timeZone: regionZone } });
  });
  await signIn(page, 'opd.admin');
  const person = people.desktop;
  await page.goto(`/simpeg/pegawai/${person.id}`);
  await page.getByRole('heading', { level: 1, name: person.name }).waitFor();
  await page.getByRole('button', { name: 'Tetapkan jabatan' }).click();
  const today = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
  expect(today(regionZone)).not.toBe(today('Pacific/Pago_Pago'));
  expect(await page.getByRole('dialog').getByLabel('TMT jabatan').inputValue()).toBe(today(regionZone));
  // Calendar days stay the days they are, whatever either zone: TMT CPNS 1 January 2010.
  await page.keyboard.press('Escape');
  await page.getByText('1 Januari 2010').waitFor();
  await context.close();
});
