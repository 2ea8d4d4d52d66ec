import { describe, expect, test } from 'vitest';
import { inTransaction } from '../server/src/platform/db/index.js';
import { NOTIFY } from '../server/src/platform/notify.js';
import { apiAs, openPage, screenshot, signIn, usePlatformAndBrowser, VIEWPORTS, type Viewport } from './harness.js';

// The notification bell as a civil servant meets it: a Plh assignment arrives (published as SIMPEG
// publishes it), the bell's name says how many are unread, the list opens it, and marking it read
// empties the count — at both widths.

const env = usePlatformAndBrowser();

/** Publishes a notification for the demo employee, as a module does in its own transaction. */
async function notifyEmployee(key: string): Promise<void> {
  const pegawai = await apiAs(env.platform.url, 'pegawai');
  const { user } = await pegawai.call<{ user: { id: string } }>('GET', '/api/auth/me');
  await pegawai.close();
  await inTransaction(env.platform.platform.db, (tx) => env.platform.platform.events.publish(tx, NOTIFY, {
    kind: 'personnel.delegation_assigned',
    to: { userId: user.id },
    title: 'Anda ditunjuk sebagai Plh. Kepala Bidang Aplikasi Informatika',
    body: 'Mulai 8 Desember 2026 sampai 12 Desember 2026, SK 800.1.3/045/2026.',
    link: '/simpeg/saya',
    key,
  }));
  await env.platform.drainJobs();
}

describe.each(VIEWPORTS)('notifications at $name width', (viewport: Viewport) => {
  test('the bell counts what is unread, lists it, and marking it read clears the count', async () => {
    await notifyEmployee(`e2e-${viewport.name}`);
    const { context, page } = await openPage(env.browser, env.platform.url, viewport);
    await signIn(page, 'pegawai');

    const bell = page.getByRole('button', { name: /^Pemberitahuan, \d+ belum dibaca$/ });
    await bell.waitFor();
    await bell.click();
    const dialog = page.getByRole('dialog', { name: 'Pemberitahuan' });
    await dialog.getByText('Anda ditunjuk sebagai Plh. Kepala Bidang Aplikasi Informatika').first().waitFor();
    await screenshot(page, 'notifications-open', viewport);

    await dialog.getByRole('button', { name: 'Tandai semua dibaca' }).click();
    await page.getByRole('button', { name: 'Pemberitahuan', exact: true }).waitFor();
    expect(await page.getByRole('button', { name: /belum dibaca/ }).count()).toBe(0);
    await context.close();
  });
});
