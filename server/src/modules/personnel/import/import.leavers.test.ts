import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedReference } from '../../../../seeds/index.js';
import { buildTestApp, type TestApp } from '../../../../test/app.js';
import { accountState, makeNip, signInAdministrators, type Administrators } from '../../../../test/factories.js';
import { queryRows } from '../../../platform/db/index.js';
import { systemContext, type Actor } from '../../../platform/index.js';
import type { EmployeeProfile } from '../index.js';
import { csv, upload } from './import.test-fixtures.js';

// An import that records a leaver publishes the same status event as the profile form: with the
// linked account and the causer, so identity disables the account (under its own rules).

let t: TestApp;
let as: Administrators;
let diskominfo: string;
const PASSWORD = 'tahu-aci-slawi-2026';

beforeAll(async () => {
  t = await buildTestApp();
  await seedReference(t.modules, '33.28');
  ({ as, diskominfo } = await signInAdministrators(t));
});
afterAll(() => t.close());

let sequence = 0;

/** An employee of Diskominfo with an account linked by the system administrator. */
async function linkedEmployee(name: string, username: string): Promise<{ employeeId: string; userId: string; nip: string }> {
  const nip = makeNip('1988-04-12', '2012-03', 'female', ++sequence);
  const employee = await t.app.inject({ method: 'POST', url: '/api/employees', headers: as.bkpsdm, payload: {
    nip, kind: 'pns', name, gender: 'female', birthDate: '1988-04-12', rank: 'III/a', educationLevel: 'S1', agencyId: diskominfo, tmtCpns: '2012-03-01',
  } });
  expect(employee.statusCode, employee.body).toBe(201);
  const account = await t.app.inject({ method: 'POST', url: '/api/users', headers: as.admin, payload: {
    username, displayName: name, agencyId: diskominfo, roles: ['employee'], password: PASSWORD, nip,
  } });
  expect(account.statusCode, account.body).toBe(201);
  return { employeeId: employee.json<EmployeeProfile>().id, userId: account.json<{ id: string }>().id, nip };
}

const login = (username: string) => t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: PASSWORD } });

describe('a leaver recorded by an import loses the account', () => {
  it('an agency admin\'s CSV with status pensiun disables the linked account and ends its sessions', async () => {
    const { employeeId, userId, nip } = await linkedEmployee('Ratna Sari', 'ratna.sari');
    const signedIn = await login('ratna.sari');
    const session = { cookie: `tsc_session=${signedIn.cookies.find((c) => c.name === 'tsc_session')!.value}` };
    const file = csv([
      ['nip', 'jenis_pegawai', 'nama', 'jenis_kelamin', 'tanggal_lahir', 'golongan', 'pendidikan', 'kode_opd', 'status'],
      [nip, 'PNS', 'Ratna Sari', 'P', '1988-04-12', 'III/a', 'S1', 'diskominfo', 'pensiun'],
    ]);
    const res = await upload(t, as['opd.admin']!, 'employees', file);
    expect(res.statusCode, res.body).toBe(200);
    await t.platform.events.drain();

    const [event] = await queryRows<{ payload: Record<string, unknown> }>(t.platform.db,
      sql`SELECT payload FROM outbox_events WHERE type = 'personnel.employee_status_changed' AND payload->>'employeeId' = ${employeeId}`);
    const opdAdmin = (await t.modules.identity.api.findUserByUsername('opd.admin'))!.id;
    expect(event!.payload).toMatchObject({ status: 'retired', userId, changedBy: { userId: opdAdmin, agencyId: diskominfo } });
    expect(await accountState(t, userId)).toEqual({ status: 'disabled', disabled_reason: 'personnel' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/me', headers: session })).statusCode).toBe(401);
    expect((await login('ratna.sari')).statusCode).toBe(401);
  });

  it('a SIASN export imported from the command line (no causer) disables the linked account', async () => {
    const { userId, nip } = await linkedEmployee('Wulan Dari', 'wulan.dari');
    const siasn = JSON.stringify({ pegawai: [{
      nipBaru: nip, nama: 'WULAN DARI', jenisKelamin: 'F', tglLahir: '12-04-1988', statusPegawai: 'PNS', golRuangAkhir: 'III/a',
      tkPendidikanTerakhir: 'S-1/Sarjana', unorIndukNama: 'DINAS KOMUNIKASI DAN INFORMATIKA KABUPATEN TEGAL', kedudukanPnsNama: 'Pensiun',
    }] });
    // The actor main.ts's `import personnel` runs as.
    const cli: Actor = {
      kind: 'token', userId: null, username: 'cli', displayName: 'Baris perintah', userKind: null, agencyId: null, roles: [], permissions: new Set(['personnel:manage']),
    };
    const report = await t.modules.personnel.imports.importFile(systemContext(t.platform.today(), cli), { kind: 'siasn', dryRun: false, bytes: Buffer.from(siasn) });
    expect(report).toMatchObject({ committed: true, errorCount: 0 });
    await t.platform.events.drain();
    expect(await accountState(t, userId)).toEqual({ status: 'disabled', disabled_reason: 'personnel' });
  });
});
