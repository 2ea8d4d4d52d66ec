import { expect } from 'vitest';
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
