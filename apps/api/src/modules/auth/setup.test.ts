// First-run setup on an empty instance: one owner account, then never again.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/test-context.ts';

const ctx = await createTestContext();

describe('first-run setup', () => {
  it('creates the first account once, signs it in, then refuses', async () => {
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/setup' })).json()).toEqual({ needsSetup: true });

    const tooShort = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/setup',
      payload: { email: 'first@lab.org', name: 'First', password: 'short' },
    });
    expect(tooShort.statusCode).toBe(400);
    expect(tooShort.json().code).toBe('VALIDATION_FAILED');

    const body = { email: 'First@Lab.org', name: 'First Owner', password: 'a long enough password' };
    const [a, b] = await Promise.all([
      ctx.app.inject({ method: 'POST', url: '/api/auth/setup', payload: body }),
      ctx.app.inject({ method: 'POST', url: '/api/auth/setup', payload: { ...body, email: 'second@lab.org' } }),
    ]);
    expect([a.statusCode, b.statusCode].sort()).toEqual([201, 409]);
    expect(await ctx.prisma.user.count()).toBe(1);
    const winner = a.statusCode === 201 ? a : b;
    expect(winner.cookies.find((c) => c.name === 'concord_session')).toBeDefined();
    expect((await ctx.app.inject({ method: 'GET', url: '/api/auth/setup' })).json()).toEqual({ needsSetup: false });
  });
});
