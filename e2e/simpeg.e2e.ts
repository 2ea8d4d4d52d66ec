import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { apiAs, openPage, screenshot, signIn, usePlatformAndBrowser, VIEWPORTS, type Viewport } from './harness.js';

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

// ── SIMPEG screens: org chart, directory, profile, Plt/Plh, import ───────────────────────────
// The scenarios make their own records through the API (as BKPSDM would), under a surname no demo
// person has, so they hold whatever demo employees exist.

const SURNAME = 'Wiraatmaja';

/** Records the scenarios share: a new bidang in Diskominfo with its head and a vacant seksi. */
interface Fixture {
  agencyId: string;
  bidang: string;
  seksi: string;
  head: { id: string; name: string; nip: string };
  staff: { id: string; name: string }[];
}
let fixture: Fixture;

/** ISO date `days` from today (Western Indonesia Time). */
function isoIn(days: number): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
  const date = new Date(`${today}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

beforeAll(async () => {
  const bkpsdm = await apiAs(env.platform.url, 'bkpsdm');
  const [agency] = await bkpsdm.call<{ id: string }[]>('GET', '/api/agencies?q=kominfo');
  const [root] = await bkpsdm.call<{ id: string }[]>('GET', `/api/agencies/${agency!.id}/units`);
  const rootHead = (await bkpsdm.call<{ id: string; isHead: boolean }[]>('GET', `/api/units/${root!.id}/positions`)).find((p) => p.isHead);
  const bidang = await bkpsdm.call<{ id: string }>('POST', `/api/agencies/${agency!.id}/units`, {
    parentId: root!.id, name: 'Bidang Layanan Digital Terpadu', shortName: 'Bidang LDT', kind: 'bidang',
  });
  const bidangHead = await bkpsdm.call<{ id: string }>('POST', `/api/units/${bidang.id}/positions`, {
    title: 'Kepala Bidang Layanan Digital Terpadu', kind: 'administrator', eselon: 'III.b', isHead: true, superiorId: rootHead?.id ?? null,
  });
  const seksi = await bkpsdm.call<{ id: string }>('POST', `/api/agencies/${agency!.id}/units`, {
    parentId: bidang.id, name: 'Seksi Integrasi Data Layanan', shortName: 'Seksi IDL', kind: 'seksi',
  });
  await bkpsdm.call('POST', `/api/units/${seksi.id}/positions`, {
    title: 'Kepala Seksi Integrasi Data Layanan', kind: 'pengawas', eselon: 'IV.a', isHead: true, superiorId: bidangHead.id,
  });

  // Two vacant functional posts, one for the assignment scenario at each width.
  for (const title of ['Pranata Komputer Ahli Muda', 'Pranata Komputer Ahli Pertama']) {
    await bkpsdm.call('POST', `/api/units/${bidang.id}/positions`, { title, kind: 'fungsional', superiorId: bidangHead.id });
  }

  const people = [
    { name: 'Ratna', gender: 'female', birth: '1981-04-12', nip: '198104122006042001', rank: 'III/d' },
    { name: 'Bayu', gender: 'male', birth: '1987-09-03', nip: '198709032011011002', rank: 'III/c' },
    { name: 'Citra', gender: 'female', birth: '1990-01-25', nip: '199001252015032003', rank: 'III/b' },
    { name: 'Dimas', gender: 'male', birth: '1992-06-30', nip: '199206302019031004', rank: 'III/a' },
  ];
  const made: { id: string; displayName: string; nip: string }[] = [];
  for (const p of people) {
    made.push(await bkpsdm.call('POST', '/api/employees', {
      nip: p.nip, kind: 'pns', name: `${p.name} ${SURNAME}`, gender: p.gender, birthDate: p.birth, birthPlace: 'Slawi',
      nik: `33280${p.nip.slice(2, 8)}00${p.nip.slice(-3)}`, address: 'Jl. Dr. Soetomo No. 1, Slawi', phone: '081390001234',
      email: `${p.name.toLowerCase()}.w@tegalkab.go.id`, rank: p.rank, rankTmt: '2022-04-01', educationLevel: 'S1',
      educationMajor: 'Sistem Informasi', agencyId: agency!.id, unitId: bidang.id, tmtCpns: `${p.nip.slice(8, 12)}-${p.nip.slice(12, 14)}-01`,
    }));
  }
  await bkpsdm.call('POST', `/api/employees/${made[0]!.id}/assignments`, {
    positionId: bidangHead.id, startDate: '2024-01-02', skNumber: '821.2/014/2024', skDate: '2023-12-27',
  });
  await bkpsdm.close();
  fixture = {
    agencyId: agency!.id, bidang: bidang.id, seksi: seksi.id,
    head: { id: made[0]!.id, name: made[0]!.displayName, nip: made[0]!.nip },
    staff: made.slice(1).map((e) => ({ id: e.id, name: e.displayName })),
  };
});

/** Opens the org chart of Diskominfo and the new bidang; returns the head post's card. */
async function openBidang(page: Page) {
  await page.goto(`/simpeg/struktur?opd=${fixture.agencyId}`);
  await page.getByRole('heading', { level: 1, name: 'Struktur organisasi' }).waitFor();
  await page.getByRole('button', { name: /^Bidang Layanan Digital Terpadu/ }).click();
  const card = page.locator('[data-position="Kepala Bidang Layanan Digital Terpadu"]');
  await card.waitFor();
  return card;
}

/** Fills the delegation form that is open. */
async function fillDelegation(page: Page, values: { kind: 'Plt.' | 'Plh.'; person: string; sk: string; start: string; end?: string; reason: string }) {
  const form = page.getByRole('dialog');
  await form.getByRole('radio', { name: new RegExp(`^${values.kind.replace('.', '\\.')}`) }).check();
  await form.getByRole('combobox', { name: 'Pegawai yang ditunjuk' }).fill(values.person);
  await page.getByRole('option', { name: new RegExp(values.person) }).click();
  await form.getByLabel('Nomor SK').fill(values.sk);
  await form.getByLabel('Mulai tanggal').fill(values.start);
  if (values.end) await form.getByLabel('Sampai dengan').fill(values.end);
  await form.getByLabel('Alasan').fill(values.reason);
}

describe.each(VIEWPORTS)('SIMPEG screens at $name width', (viewport: Viewport) => {
  test('the org chart expands to positions with their holders, Plh badges and vacant posts', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    const card = await openBidang(page);
    await card.getByRole('link', { name: fixture.head.name }).waitFor();
    await page.getByRole('button', { name: /^Seksi Integrasi Data Layanan/ }).click();
    const seksi = page.locator('[data-position="Kepala Seksi Integrasi Data Layanan"]');
    await seksi.getByText('Kosong', { exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /^Seksi Integrasi Data Layanan/ }).getAttribute('aria-expanded')).toBe('true');
    await screenshot(page, 'simpeg-org-chart', viewport, { fullPage: viewport.mobile });
    await context.close();
  });

  test('a Plh without an end date is refused in the form; a valid one shows on the position; an overlapping one shows the server\'s reason', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    const card = await openBidang(page);
    // Each width books its own period on the same post: in force now on desktop (from yesterday, so
    // it holds whichever calendar day the server counts in), in forty days on the phone.
    const start = viewport.mobile ? isoIn(40) : isoIn(-1);
    const delegate = viewport.mobile ? fixture.staff[1]!.name : fixture.staff[0]!.name;

    await card.getByRole('button', { name: /Tunjuk Plt\/Plh untuk Kepala Bidang Layanan Digital Terpadu/ }).click();
    const form = page.getByRole('dialog');
    await fillDelegation(page, { kind: 'Plh.', person: delegate, sk: '800.1.3/101/2026', start, reason: 'Kepala Bidang menjalankan cuti tahunan' });
    await form.getByRole('button', { name: 'Tunjuk Plh.' }).click();
    await form.getByText('Plh wajib punya tanggal selesai').waitFor();
    expect(await form.getByLabel('Sampai dengan').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'simpeg-delegation-invalid', viewport);

    await form.getByLabel('Sampai dengan').fill(viewport.mobile ? isoIn(44) : isoIn(5));
    await form.getByRole('button', { name: 'Tunjuk Plh.' }).click();
    await form.waitFor({ state: 'hidden' });
    const row = card.locator('[data-delegation="plh"]', { hasText: delegate });
    await row.waitFor();
    if (!viewport.mobile) await card.getByTestId('holder').getByText('Plh.').waitFor(); // in force today
    await screenshot(page, 'simpeg-delegation-made', viewport, { fullPage: true });

    await card.getByRole('button', { name: /Tunjuk Plt\/Plh untuk Kepala Bidang Layanan Digital Terpadu/ }).click();
    await fillDelegation(page, { kind: 'Plt.', person: fixture.staff[2]!.name, sk: '800.1.3/102/2026', start: viewport.mobile ? isoIn(42) : isoIn(2), reason: 'Uji masa tugas yang bertumpuk' });
    await form.getByRole('button', { name: 'Tunjuk Plt.' }).click();
    const clash = form.getByText(/masa tugas tidak boleh tumpang tindih/);
    await clash.waitFor();
    expect(await clash.textContent()).toContain(delegate);
    expect(await form.getByLabel('Mulai tanggal').getAttribute('aria-invalid')).toBe('true');
    await screenshot(page, 'simpeg-delegation-overlap', viewport);
    await context.close();
  });

  test('the directory searches by name, filters by rank with the filter in the URL, and opens a profile', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    await page.goto('/simpeg/pegawai');
    await page.getByRole('heading', { level: 1, name: 'Pegawai' }).waitFor();
    const summary = page.getByTestId('directory-summary');
    await page.getByRole('searchbox', { name: 'Cari nama atau NIP' }).fill(SURNAME.toLowerCase());
    await expect.poll(() => new URL(page.url()).searchParams.get('q')).toBe(SURNAME.toLowerCase());
    await expect.poll(() => summary.textContent()).toBe('Menampilkan 1–4 dari 4');
    await page.getByRole('link', { name: fixture.head.name }).waitFor();

    if (viewport.mobile) await page.getByRole('button', { name: 'Saring' }).click();
    await page.getByRole('combobox', { name: 'Pangkat/golongan' }).click();
    await page.getByRole('option', { name: 'Penata (III/c)' }).click();
    await expect.poll(() => summary.textContent()).toBe('Menampilkan 1–1 dari 1');
    expect(new URL(page.url()).searchParams.get('rank')).toBe('III/c');
    if (viewport.mobile) await page.getByRole('button', { name: /^Saring/ }).click(); // fold the filters away again
    await screenshot(page, 'simpeg-directory', viewport);

    // The filtered list is a link: opened afresh it shows the same rows.
    await page.reload();
    await expect.poll(() => summary.textContent()).toBe('Menampilkan 1–1 dari 1');
    await page.getByRole('link', { name: fixture.staff[0]!.name }).click();
    await page.getByRole('heading', { level: 1, name: fixture.staff[0]!.name }).waitFor();
    await context.close();
  });

  test('BKPSDM sees an employee\'s history and personal data; another employee sees neither', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    await page.goto(`/simpeg/pegawai/${fixture.head.id}`);
    await page.getByRole('heading', { level: 1, name: fixture.head.name }).waitFor();
    expect(await page.getByTestId('profile-nip').textContent()).toBe('NIP 19810412 200604 2 001');
    await page.getByTestId('holdings').getByText('Kepala Bidang Layanan Digital Terpadu').waitFor();
    await page.getByText('Slawi, 12 April 1981').waitFor();
    await page.getByRole('tab', { name: /^Jabatan/ }).click();
    const panel = page.getByRole('tabpanel');
    await panel.getByText('Kepala Bidang Layanan Digital Terpadu').waitFor();
    await panel.getByText('sejak 2 Januari 2024').waitFor();
    await screenshot(page, 'simpeg-profile', viewport, { fullPage: viewport.mobile });
    await context.close();

    const other = await openPage(env.browser, env.platform.url, viewport);
    await signIn(other.page, 'pegawai');
    await other.page.goto(`/simpeg/pegawai/${fixture.head.id}`);
    await other.page.getByRole('heading', { level: 1, name: fixture.head.name }).waitFor();
    await other.page.getByText(/Data pribadi \(NIK, tanggal lahir, alamat, dan telepon\) hanya dapat dilihat/).waitFor();
    await other.page.getByText(/Riwayat kepegawaian hanya dapat dilihat/).waitFor();
    expect(await other.page.getByText('Slawi, 12 April 1981').count()).toBe(0);
    expect(await other.page.getByRole('tab').count()).toBe(0);
    expect(await other.page.getByRole('button', { name: 'Tetapkan jabatan' }).count()).toBe(0);
    await screenshot(other.page, 'simpeg-profile-restricted', viewport);
    await other.context.close();
  });

  test('assigning a post someone holds shows the server\'s reason under the field; a vacant post is assigned', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    const dimas = fixture.staff[2]!;
    await page.goto(`/simpeg/pegawai/${dimas.id}`);
    await page.getByRole('heading', { level: 1, name: dimas.name }).waitFor();
    await page.getByRole('button', { name: 'Tetapkan jabatan' }).click();
    const form = page.getByRole('dialog');
    const choose = async (field: string, option: string | RegExp) => {
      await form.getByRole('combobox', { name: field }).click();
      await page.getByRole('option', { name: option }).click();
    };
    await choose('Unit kerja', /Bidang Layanan Digital Terpadu/);
    await choose('Jabatan', /^Kepala Bidang Layanan Digital Terpadu/);
    await form.getByLabel('TMT jabatan').fill(viewport.mobile ? '2025-07-01' : '2025-01-02');
    await form.getByRole('button', { name: 'Simpan jabatan' }).click();
    await form.getByText(/dipegang definitif oleh Ratna Wiraatmaja/).waitFor();
    expect(await form.getByRole('combobox', { name: 'Jabatan' }).getAttribute('aria-invalid')).toBe('true');

    const post = viewport.mobile ? 'Pranata Komputer Ahli Pertama' : 'Pranata Komputer Ahli Muda';
    await form.getByRole('combobox', { name: 'Jabatan' }).click();
    await page.getByRole('option', { name: new RegExp(`^${post}.*Kosong`) }).click();
    await form.getByLabel('Nomor SK').fill('821.2/077/2025');
    await form.getByRole('button', { name: 'Simpan jabatan' }).click();
    await form.waitFor({ state: 'hidden' });
    await page.getByTestId('holdings').getByText(post).waitFor();
    await context.close();
  });

  test('the import wizard checks a CSV, names the broken row and field, and imports nothing', async () => {
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'bkpsdm');
    await page.goto('/simpeg/impor');
    await page.getByRole('heading', { level: 1, name: 'Impor data' }).waitFor();
    const template = await page.request.get('/api/personnel/imports/templates/employees');
    expect(template.ok()).toBe(true);
    const header = (await template.text()).replace(/^\uFEFF/, '').split(/\r?\n/)[0]!;
    const columns = header.split(',');
    const row = (values: Record<string, string>) => columns.map((c) => values[c] ?? '').join(',');
    const good = { nip: '198811172014031005', jenis_pegawai: 'PNS', nama: `Eko ${SURNAME}`, jenis_kelamin: 'L', tanggal_lahir: '17-11-1988', golongan: 'III/b', pendidikan: 'S1', kode_opd: 'diskominfo' };
    const broken = { ...good, nip: '19881117201403', nama: `Fajar ${SURNAME}` };
    const csv = [header, row(good), row(broken)].join('\r\n');

    await page.getByRole('radio', { name: 'Pegawai', exact: true }).check();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.locator('input[type="file"]').setInputFiles({ name: 'pegawai-uji.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.getByRole('button', { name: 'Periksa berkas' }).click();
    await page.getByText(/masalah ditemukan; belum ada data yang diimpor/).waitFor();
    const problem = page.getByText('19881117201403').first();
    await problem.waitFor();
    const table = viewport.mobile ? page.locator('li', { has: problem }) : page.getByRole('row', { name: /19881117201403/ });
    const text = (await table.textContent()) ?? '';
    // The header is row 1 and the good row 2: the broken one is row 3, column `nip`.
    if (viewport.mobile) {
      // Card text runs label to label ("Baris:3Kolom:nip…"), so no word boundaries to lean on.
      expect(text).toMatch(/Baris:\s*3(?!\d)/);
      expect(text).toMatch(/Kolom:\s*nip(?![a-z_])/);
    } else expect(text).toMatch(/^3\s*nip\s*19881117201403/);
    expect(await page.getByRole('button', { name: 'Impor sekarang' }).isDisabled()).toBe(true);
    await screenshot(page, 'simpeg-import-report', viewport, { fullPage: true });

    // Nothing was written, not even the good row.
    const directory = await page.request.get(`/api/employees?q=${encodeURIComponent(`eko ${SURNAME}`)}`);
    expect(((await directory.json()) as { total: number }).total).toBe(0);
    await context.close();
  });
});
