// Creating and listing projects; the overview's counts come from the database.
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/test-context.ts';

const ctx = await createTestContext();

describe('projects', () => {
  it('the creator becomes owner; the slug comes from the name and must be unique', async () => {
    const user = await ctx.createUser();
    const created = await ctx.request(user, { method: 'POST', url: '/api/projects', payload: { name: 'PTM Reuse — Round 2!' } });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ slug: 'ptm-reuse-round-2', role: 'owner' });
    const clash = await ctx.request(user, { method: 'POST', url: '/api/projects', payload: { name: 'PTM reuse round 2' } });
    expect(clash.statusCode).toBe(409);
    expect(clash.json().code).toBe('SLUG_TAKEN');
    const list = await ctx.request(user, { method: 'GET', url: '/api/projects' });
    expect(list.json().map((p: { slug: string }) => p.slug)).toEqual(['ptm-reuse-round-2']);
  });

  it('the overview counts members, stages and codes', async () => {
    const team = await ctx.createTeam();
    await ctx.prisma.stage.create({
      data: {
        projectId: team.projectId,
        name: 'Relevance',
        position: 0,
        mode: 'single',
        codebook: {
          create: {
            codes: {
              create: [
                { name: 'Yes', position: 0 },
                { name: 'No', position: 1 },
                { name: 'Old', position: 2, retiredAt: new Date() },
              ],
            },
          },
        },
      },
    });
    const detail = await ctx.request(team.coder, { method: 'GET', url: `/api/projects/${team.projectId}` });
    expect(detail.statusCode).toBe(200);
    expect(detail.json()).toMatchObject({
      role: 'coder',
      counts: { members: 3, stages: 1, issues: 0, repositories: 0 },
      stages: [{ name: 'Relevance', mode: 'single', codes: 2 }],
    });
  });

  it('a malformed project id is a 404, not a 500', async () => {
    const user = await ctx.createUser();
    expect((await ctx.request(user, { method: 'GET', url: '/api/projects/not-a-uuid' })).statusCode).toBe(404);
  });
});
