// Per-process caches of sessions, roles and project overviews follow changes made anywhere:
// by another API process, or by a direct database write.
import { describe, expect, it } from 'vitest';
import { setTimeout as sleep } from 'node:timers/promises';
import { buildApp } from '../app.ts';
import { createTestContext } from '../../test/test-context.ts';

const ctx = await createTestContext();

/** Repeats `check` until it passes or a second has gone by: notifications arrive asynchronously. */
async function eventually(check: () => Promise<void>): Promise<void> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await check();
    } catch (error) {
      if (attempt >= 40) throw error;
      await sleep(25);
    }
  }
}

describe('cache invalidation across processes', () => {
  it('a sign-out on one API process ends the session on another', async () => {
    const other = await buildApp({ database: ctx.database });
    const user = await ctx.createUser();
    expect((await other.inject({ method: 'GET', url: '/api/auth/me', headers: user.headers })).statusCode).toBe(200); // now cached there
    expect((await ctx.request(user, { method: 'POST', url: '/api/auth/logout' })).statusCode).toBe(204);
    await eventually(async () =>
      expect((await other.inject({ method: 'GET', url: '/api/auth/me', headers: user.headers })).statusCode).toBe(401),
    );
    await other.close();
  });

  it('a role changed directly in the database applies to the next requests', async () => {
    const team = await ctx.createTeam();
    const url = `/api/projects/${team.projectId}/members`;
    expect((await ctx.request(team.lead, { method: 'GET', url })).statusCode).toBe(403);
    await ctx.prisma.member.update({
      where: { projectId_userId: { projectId: team.projectId, userId: team.lead.id } },
      data: { role: 'owner' },
    });
    await eventually(async () => expect((await ctx.request(team.lead, { method: 'GET', url })).statusCode).toBe(200));
  });

  it('the project overview follows new data', async () => {
    const team = await ctx.createTeam();
    const overview = async () => (await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}` })).json();
    expect((await overview()).counts.repositories).toBe(0);
    await ctx.prisma.repository.create({ data: { projectId: team.projectId, owner: 'octo', name: 'cat' } });
    await eventually(async () => expect((await overview()).counts.repositories).toBe(1));
  });

  it('a client reads its own writes at once', async () => {
    const team = await ctx.createTeam();
    const memberUrl = `/api/projects/${team.projectId}/members/${team.coder.id}`;
    expect((await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}` })).json().role).toBe('coder');
    await ctx.request(team.owner, { method: 'PATCH', url: memberUrl, payload: { role: 'lead' } });
    // No waiting: the PATCH response was sent only after this process saw its change.
    expect((await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}` })).json().role).toBe('lead');
  });
});
