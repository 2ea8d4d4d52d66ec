import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { queryRows } from '../src/platform/db/index.js';
import type { TestApp } from './app.js';

/** Password of every account the factories make. */
export const TEST_PASSWORD = 'Slawi#2026';

/** Headers of a signed-in browser session: the cookie and its CSRF token. */
// A type alias, not an interface, so it fits inject()'s header record.
export type SessionHeaders = {
  cookie: string;
  'x-csrf-token': string;
};

/** Creates (once) a staff or citizen account with roles, optionally in an agency given by code. */
export async function makeUser(
  t: TestApp,
  user: { username: string; roles: string[]; agency?: string | null; kind?: 'staff' | 'citizen'; displayName?: string },
): Promise<string> {
  const existing = await t.modules.identity.api.findUserByUsername(user.username);
  if (existing) return existing.id;
  const agency = user.agency ? await t.modules.personnel.api.findAgencyByCode(user.agency) : null;
  await t.modules.identity.api.ensureDemoUser({
    username: user.username, displayName: user.displayName ?? user.username, kind: user.kind ?? 'staff', roles: user.roles,
    agencyId: agency?.id ?? null, passwordHash: await t.modules.identity.api.hashPassword(TEST_PASSWORD),
  });
  return (await t.modules.identity.api.findUserByUsername(user.username))!.id;
}

/** Signs in and returns the headers a browser would send. */
export async function signIn(t: TestApp, username: string): Promise<SessionHeaders> {
  const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { username, password: TEST_PASSWORD } });
  expect(res.statusCode, res.body).toBe(200);
  return {
    cookie: `tsc_session=${res.cookies.find((c) => c.name === 'tsc_session')!.value}`,
    'x-csrf-token': res.json<{ csrfToken: string }>().csrfToken,
  };
}

/**
 * A valid PNS NIP: birth date, TMT CPNS year-month, gender digit, sequence. `sequence` keeps numbers
 * of people born the same day apart.
 */
export function makeNip(birthDate: string, tmtCpns: string, gender: 'male' | 'female', sequence = 1): string {
  return `${birthDate.replace(/-/g, '')}${tmtCpns.slice(0, 7).replace('-', '')}${gender === 'male' ? 1 : 2}${String(sequence).padStart(3, '0')}`;
}

/** The three administrators tests of accounts and SIMPEG records act as. */
export type Administrators = Record<'admin' | 'bkpsdm' | 'opd.admin', SessionHeaders>;

/**
 * Signs in a system administrator, BKPSDM and Diskominfo's agency admin (reference data must be
 * seeded); returns their sessions and Diskominfo's id.
 */
export async function signInAdministrators(t: TestApp): Promise<{ as: Administrators; diskominfo: string }> {
  await makeUser(t, { username: 'admin', roles: ['system_admin'] });
  await makeUser(t, { username: 'bkpsdm', roles: ['personnel_admin'], agency: 'bkpsdm' });
  await makeUser(t, { username: 'opd.admin', roles: ['agency_admin'], agency: 'diskominfo' });
  const as: Administrators = { admin: await signIn(t, 'admin'), bkpsdm: await signIn(t, 'bkpsdm'), 'opd.admin': await signIn(t, 'opd.admin') };
  return { as, diskominfo: (await t.modules.personnel.api.findAgencyByCode('diskominfo'))!.id };
}

/** An account's status and why it is disabled, read from the table. */
export async function accountState(t: TestApp, userId: string): Promise<{ status: string; disabled_reason: string | null }> {
  const [row] = await queryRows<{ status: string; disabled_reason: string | null }>(t.platform.db, sql`SELECT status, disabled_reason FROM users WHERE id = ${userId}`);
  return row!;
}
