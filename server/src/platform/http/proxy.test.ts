import { afterAll, beforeAll, describe, expect, it } from 'vitest';
// Who the client is shows in what the whole app does with the address (the sign-in rate limit).
import { buildTestApp, type TestApp } from '../../../test/app.js';

// Production, where X-Forwarded-For used to be believed from anyone.
const PRODUCTION = {
  NODE_ENV: 'production', PUBLIC_URL: 'https://smartcity.tegalkab.go.id', AUTH_SECRET: 'a-production-secret-that-is-long-enough-0123', LOG_LEVEL: 'silent',
};

let direct: TestApp;
let behindProxy: TestApp;
beforeAll(async () => {
  direct = await buildTestApp(PRODUCTION);
  behindProxy = await buildTestApp({ ...PRODUCTION, TRUSTED_PROXIES: '127.0.0.1, 10.0.0.0/8' });
});
afterAll(async () => {
  await direct?.close();
  await behindProxy?.close();
});

let attempt = 0;
/** A failed sign-in (an unknown username each time) from a socket address, claiming another in X-Forwarded-For. */
async function failedSignIn(t: TestApp, forwardedFor: string, remoteAddress = '127.0.0.1') {
  attempt++;
  return t.app.inject({
    method: 'POST', url: '/api/auth/login', remoteAddress,
    headers: { 'x-forwarded-for': forwardedFor }, payload: { username: `tidak.ada.${attempt}`, password: 'salah' },
  });
}
const remaining = (res: { headers: Record<string, unknown> }) => Number(res.headers['x-ratelimit-remaining']);

describe('X-Forwarded-For is believed only from TRUSTED_PROXIES', () => {
  it('with none configured, a client cannot escape the sign-in rate limit by sending a new X-Forwarded-For each time', async () => {
    const answers = [];
    for (let i = 1; i <= 34; i++) answers.push(await failedSignIn(direct, `203.0.113.${i}`));
    const limited = answers.filter((r) => r.statusCode === 429);
    expect(limited.length, 'requests past the 30th are refused').toBeGreaterThanOrEqual(4);
    expect(limited[0]!.json()).toMatchObject({ code: 'too_many_requests', requestId: expect.any(String) });
  });

  it('with the proxy trusted, each forwarded client is counted on its own', async () => {
    const first = await failedSignIn(behindProxy, '203.0.113.7');
    const second = await failedSignIn(behindProxy, '198.51.100.20');
    expect(first.statusCode).toBe(401);
    expect(remaining(second)).toBe(remaining(first));
    // The same forwarded client is counted as one, whichever trusted proxy it came through.
    expect(remaining(await failedSignIn(behindProxy, '203.0.113.7', '10.1.2.3'))).toBe(remaining(first) - 1);
  });

  it('a client that is not a trusted proxy is counted by its own address, whatever it forwards', async () => {
    const first = await failedSignIn(behindProxy, '203.0.113.50', '192.0.2.9');
    const second = await failedSignIn(behindProxy, '203.0.113.51', '192.0.2.9');
    expect(remaining(second)).toBe(remaining(first) - 1);
  });
});
