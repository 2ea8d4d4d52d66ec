import { sql } from 'drizzle-orm';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { InjectOptions } from 'fastify';
import { Secret, TOTP } from 'otpauth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { STRUCTURE_VALID_FROM, TEGAL_AGENCIES } from '../seeds/reference/tegal-agencies.js';
import { TEGAL_UNITS } from '../seeds/reference/tegal-units.js';
import { inTransaction, queryRows } from '../src/platform/db/index.js';
import { registeredRoutes, type RouteEntry } from '../src/platform/http/access.js';
import { readMailbox } from '../src/platform/mail/index.js';
import { NOTIFY } from '../src/platform/notify.js';
import type { Access } from '../src/platform/http/types.js';
import { buildTestApp, type TestApp } from './app.js';
import { makeNip, TEST_PASSWORD } from './factories.js';

// The authorization matrix: every route the server registers, called as every demo role, anonymous
// and a narrowly scoped API token, against a record of the caller's own agency and of another one.
// The expected outcomes are the tables in docs/security.md, parsed here: the document is the spec.

const DOC = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../docs/security.md');
const ACTORS = [
  'anonymous', 'citizen', 'business_owner', 'employee', 'agency_admin', 'personnel_admin',
  'executive', 'data_steward', 'data_producer', 'system_admin', 'token',
] as const;
type ActorName = (typeof ACTORS)[number];
type Role = Exclude<ActorName, 'anonymous' | 'token'>;
const ROLES = ACTORS.filter((a): a is Role => a !== 'anonymous' && a !== 'token');
const CITIZEN_ROLES: readonly Role[] = ['citizen', 'business_owner'];
/** Staff roles that have an employee record of their own (the system admin, made by the CLI, has none). */
const LINKED: readonly Role[] = ['employee', 'agency_admin', 'personnel_admin', 'executive', 'data_steward', 'data_producer'];
const OUTCOMES = ['ok', 'ok+pd', 'ok-pd', '401', '403', '404', 'n/a'] as const;
type Outcome = (typeof OUTCOMES)[number];
const STRONG_PASSWORD = 'Kopi-Tubruk#Slawi-2031';

interface Row {
  method: string;
  path: string;
  access: string;
  case: string;
  expected: Record<ActorName, Outcome>;
}

/** Reads every matrix table (header starting `| Method | Path |`) of docs/security.md. */
function parseMatrix(markdown: string): Row[] {
  const rows: Row[] = [];
  let columns: string[] | null = null;
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) {
      columns = null;
      continue;
    }
    const cells = line.slice(1, line.endsWith('|') ? -1 : undefined).split('|').map((c) => c.trim());
    if (cells[0] === 'Method' && cells[1] === 'Path') {
      columns = cells;
      expect(columns.slice(4), 'matrix columns').toEqual([...ACTORS]);
      continue;
    }
    if (!columns || cells[0]!.startsWith('---')) continue;
    const expected = Object.fromEntries(ACTORS.map((a, i) => [a, cells[4 + i]])) as Record<ActorName, Outcome>;
    for (const [actor, outcome] of Object.entries(expected)) {
      expect(OUTCOMES, `${line}: ${actor}`).toContain(outcome);
    }
    rows.push({ method: cells[0]!, path: cells[1]!.replace(/`/g, ''), access: cells[2]!, case: cells[3]!, expected });
  }
  return rows;
}

/** The declared access as the document writes it. */
function describeAccess(access: Access | undefined): string {
  if (access === undefined) return '(none)';
  if (typeof access === 'string') return access;
  return 'permission' in access ? access.permission : access.anyPermission.join(' or ');
}

// HEAD twins carry their GET route's access; Swagger UI and the web build's files are static,
// public and carry no data (and are registered without config.access). Everything else is listed.
function isMatrixRoute(route: RouteEntry): boolean {
  if (route.method === 'HEAD' || route.url.startsWith('/api/docs')) return false;
  const staticFile = route.access === undefined && route.method === 'GET' && !route.url.startsWith('/api/') && /\.[\w]+$/.test(route.url);
  return !staticFile;
}

let t: TestApp;
let rows: Row[];
let serial = 0;
const next = () => ++serial;
/** A date no other cell uses: 1 January 2030 plus a fresh serial of days. */
const matrixDate = () => new Date(Date.UTC(2030, 0, 1 + next())).toISOString().slice(0, 10);
const agencyId: Record<'own' | 'other', string> = { own: '', other: '' };
const fixture: Record<'own' | 'other', { root: string; unit: string; position: string; employee: string; user: string }> = {
  own: { root: '', unit: '', position: '', employee: '', user: '' },
  other: { root: '', unit: '', position: '', employee: '', user: '' },
};
const sessions = {} as Record<Role, Record<string, string>>;
const selfEmployee = {} as Partial<Record<Role, string>>;
let admin: Record<string, string>;
let token = '';
let bystanderToken = '';
let jobId = 0;
let importCsv = '';
let passwordHash = '';

/** Injects as the system admin (fixtures) and insists on success. */
async function asAdmin<T>(method: 'GET' | 'POST' | 'PUT' | 'PATCH', url: string, payload?: unknown): Promise<T> {
  const res = await t.app.inject({ method, url, headers: admin, ...(payload === undefined ? {} : { payload: payload as object }) });
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBeLessThan(300);
  return res.json<T>();
}

/** Makes an account with the password TEST_PASSWORD (hashed once for the whole file). */
async function account(username: string, role: Role, agency: 'own' | 'other' | null = 'own'): Promise<string> {
  const citizen = CITIZEN_ROLES.includes(role);
  await t.modules.identity.api.ensureDemoUser({
    username, displayName: username, kind: citizen ? 'citizen' : 'staff', roles: [role],
    agencyId: citizen || role === 'system_admin' || agency === null ? null : agencyId[agency], passwordHash,
  });
  return (await t.modules.identity.api.findUserByUsername(username))!.id;
}

/** Signs in from an address of its own, so the per-address sign-in limit never trips. */
async function session(username: string, password = TEST_PASSWORD): Promise<Record<string, string>> {
  const n = next();
  const res = await t.app.inject({
    method: 'POST', url: '/api/auth/login', remoteAddress: `10.${n >> 16 & 255}.${n >> 8 & 255}.${n & 255}`,
    payload: { username, password },
  });
  expect(res.statusCode, res.body).toBe(200);
  return { cookie: `tsc_session=${res.cookies.find((c) => c.name === 'tsc_session')!.value}`, 'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken };
}

async function makeToken(headers: Record<string, string>, scopes: string[]): Promise<{ id: string; token: string }> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/tokens', headers, payload: { name: `matriks ${next()}`, scopes } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json<{ id: string; token: string }>();
}

const bearer = (secret: string) => ({ authorization: `Bearer ${secret}` });

function employeeBody(agency: 'own' | 'other'): Record<string, unknown> {
  const n = next();
  const birthDate = `${1970 + Math.floor(n / 999)}-03-15`;
  return {
    nip: makeNip(birthDate, '2001-04', 'male', (n % 999) + 1), kind: 'pns', name: `Pegawai Matriks ${n}`, gender: 'male', birthDate,
    nik: '3328101503700001', address: 'Jl. Uji 1, Slawi', phone: '081234567890', rank: 'III/a', educationLevel: 'S1', agencyId: agencyId[agency], tmtCpns: '2001-04-01',
  };
}

async function newEmployee(agency: 'own' | 'other'): Promise<{ id: string; nip: string }> {
  return asAdmin('POST', '/api/employees', employeeBody(agency));
}

async function newPosition(agency: 'own' | 'other'): Promise<string> {
  const n = next();
  return (await asAdmin<{ id: string }>('POST', `/api/units/${fixture[agency].unit}/positions`, {
    title: `Kepala Seksi Matriks ${n}`, kind: 'administrator', eselon: 'III.a',
  })).id;
}

/** A date in 2030 or later, two days further on per call, so delegation windows never overlap. */
function futureDay(offsetDays = 0): string {
  return new Date(Date.UTC(2030, 0, 1) + (next() * 4 + offsetDays) * 86_400_000).toISOString().slice(0, 10);
}

function multipart(fields: Record<string, string>, file: string): { payload: string; headers: Record<string, string> } {
  const boundary = 'matriks-batas';
  const parts = Object.entries(fields).map(([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`);
  parts.push(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="unit.csv"\r\nContent-Type: text/csv\r\n\r\n${file}\r\n`);
  return { payload: `${parts.join('')}--${boundary}--\r\n`, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** What one cell sends; `headers` replaces the actor's usual credentials (fresh sessions, fresh tokens). */
interface Call {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  extraHeaders?: Record<string, string>;
  remoteAddress?: string;
}
type Builder = (actor: ActorName, headers: Record<string, string>) => Promise<Call> | Call;

// Per-actor accounts for rows that end sessions or change credentials, so the main sessions survive.
const fresh = new Map<string, Record<string, string>>();
/** A real reset link's token: a fresh citizen with an address asks for one, and it is read from the file mailbox. */
async function mailedResetToken(): Promise<string> {
  const n = next();
  const email = `lupa${n}@contoh.id`;
  const registered = await t.app.inject({
    method: 'POST', url: '/api/auth/register', remoteAddress: `10.203.${n >> 8 & 255}.${n & 255}`,
    payload: { username: `lupa.sandi.${n}`, displayName: 'Warga Lupa', email, password: STRONG_PASSWORD },
  });
  expect(registered.statusCode, registered.body).toBe(201);
  const asked = await t.app.inject({ method: 'POST', url: '/api/auth/password-reset', remoteAddress: `10.204.${n >> 8 & 255}.${n & 255}`, payload: { login: email } });
  expect(asked.statusCode, asked.body).toBe(202);
  const mail = t.platform.config.mail;
  if (mail.kind !== 'mailbox') throw new Error('the matrix expects the file mailbox');
  // Cells run together, so another cell's drain may be running this job: look until the mail is there.
  for (let i = 0; i < 100; i++) {
    await t.platform.events.drain();
    const sent = (await readMailbox(mail.dir)).find((m) => m.to === email);
    if (sent) return /token=([\w-]+)/.exec(sent.text)![1]!;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error(`no reset link mailed to ${email}`);
}

async function freshSession(actor: ActorName, purpose: string): Promise<Record<string, string> | undefined> {
  if (actor === 'anonymous') return {};
  if (actor === 'token') return undefined;
  const key = `${purpose}:${actor}`;
  if (!fresh.has(key)) {
    const username = `${purpose}.${actor.replace(/_/g, '-')}.${next()}`;
    await account(username, actor);
    fresh.set(key, await session(username));
  }
  return fresh.get(key);
}

/** A notification for the caller's own account (found with its credentials), or for `orang.other` given null. */
async function notificationFor(headers: Record<string, string> | null): Promise<string> {
  const userId = headers
    ? (await t.app.inject({ method: 'GET', url: '/api/auth/me', headers })).json<{ user: { id: string } }>().user.id
    : fixture.other.user;
  const key = `matrix-${next()}`;
  await inTransaction(t.platform.db, (tx) => t.platform.events.publish(tx, NOTIFY, {
    kind: 'personnel.delegation_assigned', to: { userId }, title: 'Uji matriks', body: 'Isi uji', link: null, key,
  }));
  // The row's cells run at once: another cell's drain may hold this delivery, so wait for it.
  for (let attempt = 0; attempt < 100; attempt++) {
    await t.platform.events.drain();
    const [row] = await queryRows<{ id: string }>(t.platform.db, sql`SELECT id FROM notifications WHERE dedupe_key = ${`key:${key}`}`);
    if (row) return row.id;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
  throw new Error('the notification was not delivered');
}

/** How each row of the document is exercised, keyed `METHOD path case`. */
const builders: Record<string, Builder> = {
  'GET /api/health -': () => ({ url: '/api/health' }),
  'GET /api/openapi.json -': () => ({ url: '/api/openapi.json' }),
  'GET /api/admin/jobs -': () => ({ url: '/api/admin/jobs' }),
  'POST /api/admin/jobs/:id/retry -': () => ({ url: `/api/admin/jobs/${jobId}/retry` }),
  'GET /api/calendar/holidays -': () => ({ url: '/api/calendar/holidays?year=2026' }),
  // A date of its own per cell (from 2030 on, clear of the seeded years), so no cell sees another's write.
  'POST /api/calendar/holidays -': () => ({ url: '/api/calendar/holidays', payload: { date: matrixDate(), kind: 'libur_daerah', name: 'Libur Uji Matriks' } }),
  'DELETE /api/calendar/holidays/:date -': async () => {
    const date = matrixDate();
    await asAdmin('POST', '/api/calendar/holidays', { date, kind: 'libur_daerah', name: 'Libur Uji Matriks' });
    return { url: `/api/calendar/holidays/${date}` };
  },

  'POST /api/auth/login -': () => {
    const n = next();
    return { url: '/api/auth/login', payload: { username: 'masuk', password: TEST_PASSWORD }, remoteAddress: `10.200.${n >> 8 & 255}.${n & 255}` };
  },
  'GET /api/auth/me -': () => ({ url: '/api/auth/me' }),
  'GET /api/notifications -': () => ({ url: '/api/notifications?unread=true&page=1' }),
  'GET /api/notifications/unread-count -': () => ({ url: '/api/notifications/unread-count' }),
  'POST /api/notifications/:id/read self': async (actor, headers) => ({ url: `/api/notifications/${await notificationFor(actor === 'anonymous' ? null : headers)}/read` }),
  'POST /api/notifications/:id/read other': async () => ({ url: `/api/notifications/${await notificationFor(null)}/read` }),
  'POST /api/notifications/read-all -': () => ({ url: '/api/notifications/read-all' }),
  'GET /api/notifications/preferences -': () => ({ url: '/api/notifications/preferences' }),
  'PUT /api/notifications/preferences -': () => ({ url: '/api/notifications/preferences', payload: { kinds: [{ kind: 'personnel.delegation_assigned', email: false }] } }),
  'POST /api/auth/logout -': async (actor) => {
    if (actor === 'token') return { url: '/api/auth/logout', headers: bearer((await makeToken(sessions.employee, ['app:simpeg'])).token) };
    return { url: '/api/auth/logout', headers: await freshSession(actor, 'keluar') };
  },
  'POST /api/auth/logout-everywhere -': async (actor) => {
    if (actor !== 'token') return { url: '/api/auth/logout-everywhere', headers: await freshSession(actor, 'semua') };
    // A token of a fresh account: if it were allowed, it would revoke that account's credentials only.
    const owner = await freshSession('employee', 'semua-token');
    return { url: '/api/auth/logout-everywhere', headers: bearer((await makeToken(owner!, ['app:simpeg'])).token) };
  },
  'POST /api/auth/register -': () => {
    const n = next();
    return {
      url: '/api/auth/register', remoteAddress: `10.201.${n >> 8 & 255}.${n & 255}`,
      payload: { username: `warga.baru.${n}`, displayName: 'Warga Baru', email: `warga${n}@contoh.id`, password: STRONG_PASSWORD },
    };
  },
  'POST /api/auth/password -': async (actor) => ({
    url: '/api/auth/password', headers: await freshSession(actor, 'sandi'),
    payload: { currentPassword: TEST_PASSWORD, newPassword: STRONG_PASSWORD },
  }),
  'GET /api/auth/tokens -': () => ({ url: '/api/auth/tokens' }),
  'POST /api/auth/tokens -': (actor) => ({
    url: '/api/auth/tokens', payload: { name: 'integrasi', scopes: [t.modules.roles.permissionsFor([actor === 'token' || actor === 'anonymous' ? 'employee' : actor])[0]] },
  }),
  'DELETE /api/auth/tokens/:id self': async (actor, headers) => {
    if (actor === 'anonymous') return { url: `/api/auth/tokens/${bystanderToken}` };
    if (actor === 'token') {
      const own = await makeToken(sessions.employee, ['app:simpeg']);
      return { url: `/api/auth/tokens/${own.id}`, headers: bearer(own.token) };
    }
    return { url: `/api/auth/tokens/${(await makeToken(headers, [t.modules.roles.permissionsFor([actor])[0]!])).id}` };
  },
  'DELETE /api/auth/tokens/:id other': () => ({ url: `/api/auth/tokens/${bystanderToken}` }),
  'POST /api/auth/totp/setup -': async (actor) => ({ url: '/api/auth/totp/setup', headers: await freshSession(actor, 'totp') }),
  'POST /api/auth/totp/enable -': async (actor) => {
    const headers = await freshSession(actor, 'totp');
    let code = '000000';
    if (headers && actor !== 'anonymous') {
      const setup = await t.app.inject({ method: 'POST', url: '/api/auth/totp/setup', headers });
      if (setup.statusCode === 200) {
        code = new TOTP({ algorithm: 'SHA1', digits: 6, period: 30, secret: Secret.fromBase32(setup.json<{ secret: string }>().secret) }).generate();
      }
    }
    return { url: '/api/auth/totp/enable', headers, payload: { code } };
  },
  'POST /api/auth/totp/disable -': async (actor) => ({ url: '/api/auth/totp/disable', headers: await freshSession(actor, 'totp'), payload: { password: TEST_PASSWORD } }),

  'POST /api/auth/password-reset -': () => {
    const n = next();
    return { url: '/api/auth/password-reset', remoteAddress: `10.202.${n >> 8 & 255}.${n & 255}`, payload: { login: `siapa.saja.${n}` } };
  },
  'POST /api/auth/password-reset/confirm -': async () => ({
    url: '/api/auth/password-reset/confirm', payload: { token: await mailedResetToken(), newPassword: STRONG_PASSWORD },
  }),
  'POST /api/users/:id/password-reset own': () => ({ url: `/api/users/${fixture.own.user}/password-reset` }),
  'POST /api/users/:id/password-reset other': () => ({ url: `/api/users/${fixture.other.user}/password-reset` }),
  'GET /api/users -': () => ({ url: '/api/users' }),
  'GET /api/roles -': () => ({ url: '/api/roles' }),
  'POST /api/users own': () => ({ url: '/api/users', payload: newUser('own', ['employee']) }),
  'POST /api/users other': () => ({ url: '/api/users', payload: newUser('other', ['employee']) }),
  'POST /api/users own+nip': async () => ({ url: '/api/users', payload: { ...newUser('own', ['employee']), nip: (await newEmployee('own')).nip } }),
  'POST /api/users own+steward': () => ({ url: '/api/users', payload: newUser('own', ['data_steward']) }),
  'GET /api/users/:id own': () => ({ url: `/api/users/${fixture.own.user}` }),
  'GET /api/users/:id other': () => ({ url: `/api/users/${fixture.other.user}` }),
  'PATCH /api/users/:id own': () => ({ url: `/api/users/${fixture.own.user}`, payload: { displayName: `Nama Baru ${next()}` } }),
  'PATCH /api/users/:id other': () => ({ url: `/api/users/${fixture.other.user}`, payload: { displayName: `Nama Baru ${next()}` } }),
  'PATCH /api/users/:id own+steward': async () => ({
    url: `/api/users/${await account(`sasaran.${next()}`, 'employee')}`, payload: { roles: ['employee', 'data_steward'] },
  }),

  'GET /api/regions -': () => ({ url: '/api/regions' }),
  'GET /api/regions/districts -': () => ({ url: '/api/regions/districts' }),
  'GET /api/regions/districts/:code/villages -': () => ({ url: '/api/regions/districts/33.28.01/villages' }),
  'GET /api/regions/locate -': () => ({ url: '/api/regions/locate?lat=-6.9742&lon=109.1397' }),
  'GET /api/regions/boundaries/:level -': () => ({ url: '/api/regions/boundaries/district' }),
  'PUT /api/regions/boundaries/:level -': () => ({
    url: '/api/regions/boundaries/district',
    payload: { type: 'FeatureCollection', features: [{ type: 'Feature', properties: { kode: '33.28.10' }, geometry: { type: 'Polygon', coordinates: [[[109.1, -7], [109.15, -7], [109.15, -6.95], [109.1, -6.95], [109.1, -7]]] } }] },
  }),
  'GET /api/regions/grid -': () => ({ url: '/api/regions/grid' }),
  'PUT /api/regions/grid -': async () => ({
    url: '/api/regions/grid', payload: { cells: (await t.modules.region.api.getGrid()).cells.map(({ code, row, col }) => ({ code, row, col })) },
  }),

  'GET /api/agencies -': () => ({ url: '/api/agencies' }),
  'GET /api/personnel/statistics -': () => ({ url: '/api/personnel/statistics' }),
  'GET /api/personnel/access -': () => ({ url: '/api/personnel/access' }),
  'GET /api/employees -': () => ({ url: '/api/employees?q=matriks' }),
  'GET /api/employees/me self': () => ({ url: '/api/employees/me' }),
  'GET /api/employees/:id self': (actor) => ({ url: `/api/employees/${actor === 'token' ? selfEmployee.employee : selfEmployee[actor as Role]}` }),
  'POST /api/personnel/imports -': () => {
    const form = multipart({ kind: 'units', dryRun: 'true' }, importCsv);
    return { url: '/api/personnel/imports', payload: form.payload, extraHeaders: form.headers };
  },
  'GET /api/personnel/imports/templates/:kind -': () => ({ url: '/api/personnel/imports/templates/units' }),
};

function newUser(agency: 'own' | 'other', roles: string[]): Record<string, unknown> {
  return { username: `akun.${next()}`, displayName: 'Akun Uji Matriks', agencyId: agencyId[agency], roles, password: STRONG_PASSWORD };
}

// Routes addressed at an agency's record: one builder serves both `own` and `other`.
const scoped: Record<string, (agency: 'own' | 'other') => Promise<Call> | Call> = {
  // A fresh account and employee record of the agency per cell, so every cell's link is one that can be made.
  'PUT /api/users/:id/employee': async (a) => ({
    url: `/api/users/${await account(`tautan.${next()}`, 'employee', a)}/employee`, payload: { nip: (await newEmployee(a)).nip },
  }),
  'DELETE /api/users/:id/employee': async (a) => {
    const user = await account(`lepas.${next()}`, 'employee', a);
    await asAdmin('PUT', `/api/users/${user}/employee`, { nip: (await newEmployee(a)).nip });
    return { url: `/api/users/${user}/employee` };
  },
  'GET /api/agencies/:id': (a) => ({ url: `/api/agencies/${agencyId[a]}` }),
  'GET /api/agencies/:id/units': (a) => ({ url: `/api/agencies/${agencyId[a]}/units` }),
  'POST /api/agencies/:id/units': (a) => {
    const n = next();
    return { url: `/api/agencies/${agencyId[a]}/units`, payload: { parentId: fixture[a].root, name: `Bidang Matriks ${n}`, shortName: `BM ${n}`, kind: 'bidang' } };
  },
  'PATCH /api/units/:id': (a) => ({ url: `/api/units/${fixture[a].unit}`, payload: { name: `Bidang Uji Matriks ${next()}` } }),
  'GET /api/units/:id/positions': (a) => ({ url: `/api/units/${fixture[a].unit}/positions` }),
  'POST /api/units/:id/positions': (a) => ({ url: `/api/units/${fixture[a].unit}/positions`, payload: { title: `Analis Matriks ${next()}`, kind: 'pelaksana' } }),
  'GET /api/positions/:id': (a) => ({ url: `/api/positions/${fixture[a].position}` }),
  'PATCH /api/positions/:id': (a) => ({ url: `/api/positions/${fixture[a].position}`, payload: { title: `Kepala Seksi Uji ${next()}` } }),
  'GET /api/positions/:id/holder': (a) => ({ url: `/api/positions/${fixture[a].position}/holder` }),
  'POST /api/positions/:id/delegations': (a) => ({
    url: `/api/positions/${fixture[a].position}/delegations`,
    payload: { employeeId: fixture[a].employee, kind: 'plt', skNumber: '800.1.3/001/2030', startDate: futureDay(), endDate: futureDay(2), reason: 'Uji matriks' },
  }),
  'POST /api/delegations/:id/end': async (a) => {
    const start = futureDay();
    const end = new Date(Date.parse(start) + 3 * 86_400_000).toISOString().slice(0, 10);
    const delegation = await asAdmin<{ id: string }>('POST', `/api/positions/${fixture[a].position}/delegations`, {
      employeeId: fixture[a].employee, kind: 'plt', skNumber: '800.1.3/002/2030', startDate: start, endDate: end, reason: 'Uji matriks',
    });
    return { url: `/api/delegations/${delegation.id}/end`, payload: { endDate: new Date(Date.parse(start) + 86_400_000).toISOString().slice(0, 10) } };
  },
  'GET /api/employees/:id': (a) => ({ url: `/api/employees/${fixture[a].employee}` }),
  'POST /api/employees': (a) => ({ url: '/api/employees', payload: employeeBody(a) }),
  'PATCH /api/employees/:id': (a) => ({ url: `/api/employees/${fixture[a].employee}`, payload: { phone: '081200000000' } }),
  'POST /api/employees/:id/assignments': async (a) => ({
    url: `/api/employees/${(await newEmployee(a)).id}/assignments`, payload: { positionId: await newPosition(a), startDate: '2024-01-02' },
  }),
  'POST /api/employees/:id/ranks': (a) => ({ url: `/api/employees/${fixture[a].employee}/ranks`, payload: { rank: 'III/b', tmt: '2024-04-01' } }),
  'POST /api/employees/:id/education': (a) => ({
    url: `/api/employees/${fixture[a].employee}/education`, payload: { level: 'S1', institution: 'Universitas Uji', graduationYear: 2000 + (next() % 20) },
  }),
  'POST /api/employees/:id/training': (a) => ({
    url: `/api/employees/${fixture[a].employee}/training`, payload: { kind: 'teknis', name: `Pelatihan Matriks ${next()}`, startDate: '2020-02-03' },
  }),
  'POST /api/employees/:id/leave': (a) => {
    const start = new Date(Date.UTC(2010, 0, 1) + next() * 4 * 86_400_000).toISOString().slice(0, 10);
    return { url: `/api/employees/${fixture[a].employee}/leave`, payload: { kind: 'tahunan', startDate: start, endDate: start } };
  },
  'POST /api/assignments/:id/end': async (a) => {
    const person = await newEmployee(a);
    const profile = await asAdmin<{ history: { positions: { id: string }[] } }>('POST', `/api/employees/${person.id}/assignments`, {
      positionId: await newPosition(a), startDate: '2024-01-02',
    });
    return { url: `/api/assignments/${profile.history.positions[0]!.id}/end`, payload: { endDate: '2025-01-02' } };
  },
};
for (const [key, build] of Object.entries(scoped)) {
  for (const agency of ['own', 'other'] as const) builders[`${key} ${agency}`] = () => build(agency);
}

beforeAll(async () => {
  t = await buildTestApp();
  rows = parseMatrix(fs.readFileSync(DOC, 'utf8'));
  // The regency and two of its agencies with their standard structure: all the matrix needs, and
  // much quicker than the 48 agencies of the full reference data.
  await t.modules.region.api.importRegions();
  await t.modules.personnel.api.importAgencies(TEGAL_AGENCIES.filter((a) => a.code === 'diskominfo' || a.code === 'dinkes'), STRUCTURE_VALID_FROM);
  await t.modules.personnel.api.importOrganisation(TEGAL_UNITS);
  agencyId.own = (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id;
  agencyId.other = (await t.modules.personnel.api.findAgencyByCode('dinkes'))!.id;
  passwordHash = await t.modules.identity.api.hashPassword(TEST_PASSWORD);

  await account('m.system-admin', 'system_admin');
  admin = await session('m.system-admin');
  for (const agency of ['own', 'other'] as const) {
    const f = fixture[agency];
    f.root = (await asAdmin<{ id: string }[]>('GET', `/api/agencies/${agencyId[agency]}/units`))[0]!.id;
    f.unit = (await asAdmin<{ id: string }>('POST', `/api/agencies/${agencyId[agency]}/units`, {
      parentId: f.root, name: 'Bidang Uji Matriks', shortName: 'Uji Matriks', kind: 'bidang',
    })).id;
    f.position = await newPosition(agency);
    f.employee = (await newEmployee(agency)).id;
    f.user = await account(`orang.${agency}`, 'employee', agency);
  }
  await account('masuk', 'citizen');
  sessions.system_admin = admin;
  await Promise.all(ROLES.filter((role) => role !== 'system_admin').map(async (role) => {
    const username = `m.${role.replace(/_/g, '-')}`;
    if (LINKED.includes(role)) {
      // Linked the way an administrator links one: a staff account created with the person's NIP.
      const person = await newEmployee('own');
      selfEmployee[role] = person.id;
      await asAdmin('POST', '/api/users', { ...newUser('own', [role]), username, nip: person.nip });
      sessions[role] = await session(username, STRONG_PASSWORD);
      return;
    }
    await account(username, role);
    sessions[role] = await session(username);
  }));
  token = (await makeToken(sessions.employee, ['app:simpeg'])).token;
  bystanderToken = (await makeToken(await session('orang.other'), ['app:simpeg'])).id;
  importCsv = (await t.app.inject({ method: 'GET', url: '/api/personnel/imports/templates/units', headers: admin })).body.replace(/^\uFEFF/, '');
  await t.platform.events.enqueue(t.platform.db, 'matrix.noop', {});
  jobId = (await asAdmin<{ items: { id: number }[] }>('GET', '/api/admin/jobs')).items[0]!.id;
}, 120_000);
afterAll(() => t?.close());

function credentials(actor: ActorName): Record<string, string> {
  if (actor === 'anonymous') return {};
  if (actor === 'token') return bearer(token);
  return sessions[actor];
}

/** Why the answer does not match the expected outcome, or null when it does. */
function mismatch(expected: Outcome, status: number, body: string): string | null {
  if (status >= 500) return `got ${status}`;
  if (expected === '401' || expected === '403' || expected === '404') return String(status) === expected ? null : `got ${status}`;
  if ([401, 403, 404].includes(status)) return `got ${status}`;
  // The test's requests are valid; a 400 means the row measured the schema, not the access rule.
  if (status === 400) return `got 400 (fix the test's request): ${body.slice(0, 160)}`;
  if (expected === 'ok') return null;
  const personal = (JSON.parse(body) as { personal?: unknown }).personal;
  const shown = personal !== null && personal !== undefined;
  if (expected === 'ok+pd' && !shown) return `got ${status} without personal data`;
  if (expected === 'ok-pd' && shown) return `got ${status} with personal data`;
  return null;
}

describe('authorization matrix (docs/security.md)', () => {
  it('has a row for every registered route, a route for every row, and the declared access of each', () => {
    const served = new Map<string, RouteEntry>();
    for (const route of registeredRoutes(t.app).filter(isMatrixRoute)) served.set(`${route.method} ${route.url}`, route);
    const documented = new Set(rows.map((r) => `${r.method} ${r.path}`));
    expect([...served.keys()].filter((k) => !documented.has(k)), 'routes without a row in docs/security.md').toEqual([]);
    expect([...documented].filter((k) => !served.has(k)), 'rows for routes the server does not register').toEqual([]);
    const wrongAccess = rows.filter((r) => describeAccess(served.get(`${r.method} ${r.path}`)?.access) !== r.access)
      .map((r) => `${r.method} ${r.path}: documented ${r.access}, declared ${describeAccess(served.get(`${r.method} ${r.path}`)?.access)}`);
    expect(wrongAccess, 'declared access differs from the document').toEqual([]);
    expect(rows.map((r) => `${r.method} ${r.path} ${r.case}`).filter((k) => !builders[k]), 'rows the test cannot exercise').toEqual([]);
    expect(served.size).toBeGreaterThan(40);
  });

  it('answers every route as the document says, for every caller and record', async () => {
    const failures: string[] = [];
    for (const row of rows) {
      const build = builders[`${row.method} ${row.path} ${row.case}`];
      if (!build) continue;
      // The cells of a row are independent (fresh records, unique names and windows), so they run
      // together: password hashing then overlaps with the database work of the other cells.
      await Promise.all(ACTORS.filter((actor) => row.expected[actor] !== 'n/a').map(async (actor) => {
        const expected = row.expected[actor];
        const call = await build(actor, credentials(actor));
        const headers = { ...(call.headers ?? credentials(actor)), ...call.extraHeaders };
        const options: InjectOptions = {
          method: row.method as InjectOptions['method'], url: call.url, headers,
          ...(call.remoteAddress ? { remoteAddress: call.remoteAddress } : {}),
          ...(call.payload === undefined ? (row.method === 'GET' || row.method === 'DELETE' ? {} : { payload: {} }) : { payload: call.payload as string }),
        };
        const res = await t.app.inject(options);
        const problem = mismatch(expected, res.statusCode, res.body);
        if (problem) failures.push(`${row.method} ${row.path} [${row.case}] as ${actor}: expected ${expected}, ${problem}`);
      }));
    }
    failures.sort();
    expect(failures).toEqual([]);
  }, 120_000);
});
