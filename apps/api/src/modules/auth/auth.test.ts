// Sign-in, sessions, CSRF, rate limiting and first-run setup against a real database.
import { describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD } from '../../../test/test-context.ts';

const ctx = await createTestContext();

function cookiesOf(response: { cookies: { name: string; value: string; httpOnly?: boolean; sameSite?: string; secure?: boolean }[] }) {
  return Object.fromEntries(response.cookies.map((c) => [c.name, c]));
}

async function login(email: string, password: string, ip = '10.0.0.1') {
  return ctx.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email, password }, remoteAddress: ip });
}

describe('sign in', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and a readable CSRF cookie', async () => {
    const user = await ctx.createUser();
    const response = await login(user.email, TEST_PASSWORD);
    expect(response.statusCode).toBe(200);
    const cookies = cookiesOf(response);
    expect(cookies.concord_session).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    expect(cookies.concord_csrf?.httpOnly).toBeFalsy();
    expect(response.json()).toMatchObject({ user: { id: user.id, email: user.email }, csrfToken: cookies.concord_csrf?.value });
    expect(response.body).not.toContain('passwordHash');

    const me = await ctx.app.inject({ method: 'GET', url: '/api/auth/me', cookies: { concord_session: cookies.concord_session!.value } });
    expect(me.json().user.id).toBe(user.id);
  });

  it('marks cookies Secure behind a TLS-terminating proxy, and only when that proxy is trusted', async () => {
    const { buildApp } = await import('../../app.ts');
    const behindProxy = await buildApp({ database: ctx.database, trustProxy: true });
    const user = await ctx.createUser();
    const viaHttps = {
      method: 'POST' as const,
      url: '/api/auth/login',
      payload: { email: user.email, password: TEST_PASSWORD },
      headers: { 'x-forwarded-proto': 'https' },
    };
    expect(cookiesOf(await behindProxy.inject(viaHttps)).concord_session).toMatchObject({ secure: true });
    expect(cookiesOf(await ctx.app.inject(viaHttps)).concord_session?.secure).toBeFalsy();
    await behindProxy.close();
  });

  it('gives the same answer for an unknown account and a wrong password', async () => {
    const user = await ctx.createUser();
    const wrongPassword = await login(user.email, 'wrong password', '10.0.1.1');
    const unknownUser = await login('nobody@test.concord', 'wrong password', '10.0.1.2');
    expect(wrongPassword.statusCode).toBe(401);
    expect(unknownUser.statusCode).toBe(401);
    const { requestId: _a, ...wrongBody } = wrongPassword.json();
    const { requestId: _b, ...unknownBody } = unknownUser.json();
    expect(wrongBody).toEqual(unknownBody);
    expect(wrongBody).toEqual({ statusCode: 401, error: 'Unauthorized', code: 'UNAUTHENTICATED', message: 'Wrong email or password.' });
  });

  it('rate-limits repeated failures per account, across addresses, with Retry-After', async () => {
    const user = await ctx.createUser();
    for (let i = 0; i < 10; i++) expect((await login(user.email, 'wrong', `10.1.0.${i}`)).statusCode).toBe(401);
    const throttled = await login(user.email, TEST_PASSWORD, '10.1.1.1');
    expect(throttled.statusCode).toBe(429);
    expect(throttled.headers['retry-after']).toBe('900');
    expect(throttled.json().code).toBe('TOO_MANY_ATTEMPTS');
  });

  it('signing out ends the session', async () => {
    const user = await ctx.createUser();
    expect((await ctx.request(user, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    expect((await ctx.request(user, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });

  it('rejects an expired session', async () => {
    const user = await ctx.createUser();
    await ctx.prisma.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await ctx.request(user, { method: 'GET', url: '/api/auth/me' })).statusCode).toBe(401);
  });
});

describe('CSRF protection on cookie-authenticated writes', () => {
  it('refuses a write without the CSRF header, or with a wrong one', async () => {
    const user = await ctx.createUser();
    const { 'x-csrf-token': _, ...cookieOnly } = user.headers;
    const missing = await ctx.app.inject({ method: 'POST', url: '/api/projects', headers: cookieOnly, payload: { name: 'Forged' } });
    expect(missing.statusCode).toBe(403);
    expect(missing.json().code).toBe('CSRF_FAILED');
    const wrong = await ctx.app.inject({
      method: 'POST',
      url: '/api/projects',
      headers: { ...cookieOnly, 'x-csrf-token': 'guess' },
      payload: { name: 'Forged' },
    });
    expect(wrong.statusCode).toBe(403);
    expect(await ctx.prisma.project.count({ where: { name: 'Forged' } })).toBe(0);
  });

  it('lets reads through without the header', async () => {
    const user = await ctx.createUser();
    const { 'x-csrf-token': _, ...cookieOnly } = user.headers;
    expect((await ctx.app.inject({ method: 'GET', url: '/api/projects', headers: cookieOnly })).statusCode).toBe(200);
  });
});

describe('API tokens', () => {
  it('authenticate scripts without cookies or CSRF, are stored hashed, and stop working when revoked', async () => {
    const user = await ctx.createUser();
    const created = await ctx.request(user, { method: 'POST', url: '/api/tokens', payload: { name: 'R script' } });
    expect(created.statusCode).toBe(201);
    const { secret, token } = created.json();
    expect(secret).toMatch(/^cnc_/);
    const stored = await ctx.prisma.apiToken.findUniqueOrThrow({ where: { id: token.id } });
    expect(stored.tokenHash).not.toContain(secret);
    expect(JSON.stringify(stored)).not.toContain(secret);

    const bearer = { authorization: `Bearer ${secret}` };
    expect(
      (await ctx.app.inject({ method: 'POST', url: '/api/projects', headers: bearer, payload: { name: 'Scripted' } })).statusCode,
    ).toBe(201);
    const listed = await ctx.request(user, { method: 'GET', url: '/api/tokens' });
    expect(listed.body).not.toContain(secret);
    expect(listed.json()[0].lastUsedAt).not.toBeNull();

    expect((await ctx.request(user, { method: 'DELETE', url: `/api/tokens/${token.id}` })).statusCode).toBe(204);
    const afterRevoke = await ctx.app.inject({ method: 'GET', url: '/api/projects', headers: bearer });
    expect(afterRevoke.statusCode).toBe(401);
  });

  it("cannot revoke someone else's token", async () => {
    const alice = await ctx.createUser('alice');
    const bob = await ctx.createUser('bob');
    const { token } = (await ctx.request(alice, { method: 'POST', url: '/api/tokens', payload: { name: 'a' } })).json();
    expect((await ctx.request(bob, { method: 'DELETE', url: `/api/tokens/${token.id}` })).statusCode).toBe(404);
  });
});

describe('sessions live in PostgreSQL', () => {
  it('a session created by one API process works on another', async () => {
    const { buildApp } = await import('../../app.ts');
    const second = await buildApp({ database: ctx.database });
    const user = await ctx.createUser();
    const loggedIn = await login(user.email, TEST_PASSWORD, '10.2.0.1');
    const session = cookiesOf(loggedIn).concord_session!.value;
    const onSecond = await second.inject({ method: 'GET', url: '/api/auth/me', cookies: { concord_session: session } });
    expect(onSecond.json().user.id).toBe(user.id);
    await second.close();
  });
});
