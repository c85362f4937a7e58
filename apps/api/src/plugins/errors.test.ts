// The one error shape for every kind of bad input, and no internals leaking on failures.
import { describe, expect, it } from 'vitest';
import { connectDatabase } from '@concord/db';
import { buildApp } from '../app.ts';
import { createTestContext } from '../../test/test-context.ts';

const ctx = await createTestContext();
const ERROR_KEYS = ['code', 'error', 'message', 'requestId', 'statusCode'];

describe('errors', () => {
  it('schema violations give 400 VALIDATION_FAILED with details', async () => {
    const user = await ctx.createUser();
    const response = await ctx.request(user, { method: 'POST', url: '/api/projects', payload: { name: '', slug: 'Not A Slug' } });
    expect(response.statusCode).toBe(400);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual([...ERROR_KEYS, 'details'].sort());
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.requestId).toBe(response.headers['request-id'] ?? body.requestId);
  });

  it('a field the request does not take (a typo) is 400 naming it, not silently ignored', async () => {
    const user = await ctx.createUser();
    const body = await ctx.request(user, {
      method: 'POST',
      url: '/api/projects',
      payload: { name: 'Typo', slug: 'typo-project', descripton: 'meant to be kept' },
    });
    expect(body.statusCode).toBe(400);
    expect(body.json()).toMatchObject({
      code: 'VALIDATION_FAILED',
      details: [expect.objectContaining({ params: { additionalProperty: 'descripton' } })],
    });
    const team = await ctx.createTeam();
    const query = await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?serch=tokenizer` });
    expect(query.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('malformed JSON gives 400 in the same shape', async () => {
    const user = await ctx.createUser();
    const response = await ctx.request(user, {
      method: 'POST',
      url: '/api/projects',
      headers: { 'content-type': 'application/json' },
      payload: '{"name": ',
    });
    expect(response.statusCode).toBe(400);
    expect(Object.keys(response.json()).sort()).toEqual(ERROR_KEYS);
  });

  it('bodies over the limit give 413', async () => {
    const user = await ctx.createUser();
    const response = await ctx.request(user, {
      method: 'POST',
      url: '/api/projects',
      payload: { name: 'x', description: 'y'.repeat(1_100_000) },
    });
    expect(response.statusCode).toBe(413);
    expect(response.json().code).toBe('FST_ERR_CTP_BODY_TOO_LARGE');
  });

  it('unknown /api paths give 404 JSON, whatever the method', async () => {
    for (const method of ['GET', 'POST', 'DELETE'] as const) {
      const response = await ctx.app.inject({ method, url: '/api/does-not-exist?x=1' });
      expect(response.statusCode).toBe(404);
      expect(response.json()).toMatchObject({ code: 'ROUTE_NOT_FOUND', message: `No route ${method} /api/does-not-exist.` });
    }
  });

  it('values PostgreSQL refuses are 400 BAD_VALUE, whether they reach it through Prisma or pg', async () => {
    const team = await ctx.createTeam();
    const refused = [
      // A NUL character in text, through Prisma.
      await ctx.request(team.owner, { method: 'POST', url: '/api/projects', payload: { name: 'a\u0000b', slug: 'nul-in-name' } }),
      // A date PostgreSQL cannot hold, through pg.
      await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?createdFrom=0000-01-01` }),
    ];
    for (const response of refused) {
      expect(response.statusCode, response.body).toBe(400);
      expect(Object.keys(response.json()).sort()).toEqual(ERROR_KEYS);
      expect(response.json().code).toBe('BAD_VALUE');
    }
    // A page beyond any offset PostgreSQL takes is refused by the schema first.
    const page = await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}/issues?page=200000000000000000` });
    expect(page.json()).toMatchObject({ statusCode: 400, code: 'VALIDATION_FAILED' });
  });

  it('a failure inside the server is a masked 500 without stack trace or SQL', async () => {
    // A real failure: the database this app talks to does not exist.
    const broken = connectDatabase(ctx.database.url.replace(/\/[^/]+$/, '/no_such_database'), 1);
    // The change feed keeps listening on the real database; every query goes to the missing one.
    const app = await buildApp({ database: { ...broken, url: ctx.database.url } });
    const response = await app.inject({ method: 'GET', url: '/api/projects', headers: { authorization: 'Bearer cnc_anything' } });
    expect(response.statusCode).toBe(500);
    const body = response.json();
    expect(Object.keys(body).sort()).toEqual(ERROR_KEYS);
    expect(body.code).toBe('INTERNAL');
    expect(response.body).not.toMatch(/no_such_database|at .*\.ts|prisma/i);
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    await app.close();
    await broken.close();
  });
});
