// Owners manage members; a project never loses its last owner.
import { describe, expect, it } from 'vitest';
import { createTestContext, TEST_PASSWORD } from '../../../test/test-context.ts';

const ctx = await createTestContext();

describe('members', () => {
  it('adds an existing user by email, and refuses to add them twice', async () => {
    const team = await ctx.createTeam();
    const someone = await ctx.createUser('someone');
    const url = `/api/projects/${team.projectId}/members`;
    const added = await ctx.request(team.owner, { method: 'POST', url, payload: { email: someone.email.toUpperCase(), role: 'lead' } });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toEqual({ member: expect.objectContaining({ userId: someone.id, role: 'lead' }) });
    const again = await ctx.request(team.owner, { method: 'POST', url, payload: { email: someone.email, role: 'coder' } });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ALREADY_MEMBER');
  });

  it('creates an account for a new email and returns its temporary password once, which signs in', async () => {
    const team = await ctx.createTeam();
    const email = `newcomer-${Date.now()}@test.concord`;
    const added = await ctx.request(team.owner, {
      method: 'POST',
      url: `/api/projects/${team.projectId}/members`,
      payload: { email, name: 'Newcomer', role: 'coder' },
    });
    expect(added.statusCode).toBe(201);
    const { temporaryPassword } = added.json();
    expect(temporaryPassword).toHaveLength(16);
    const login = await ctx.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { email, password: temporaryPassword },
      remoteAddress: '10.3.0.1',
    });
    expect(login.statusCode).toBe(200);
    const members = await ctx.request(team.owner, { method: 'GET', url: `/api/projects/${team.projectId}/members` });
    expect(members.json().map((m: { email: string }) => m.email)).toContain(email);
    expect(members.body).not.toContain(TEST_PASSWORD);
  });

  it('never removes or demotes the last owner', async () => {
    const team = await ctx.createTeam();
    const url = `/api/projects/${team.projectId}/members/${team.owner.id}`;
    const demote = await ctx.request(team.owner, { method: 'PATCH', url, payload: { role: 'lead' } });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('LAST_OWNER');
    expect((await ctx.request(team.owner, { method: 'DELETE', url })).statusCode).toBe(409);

    await ctx.request(team.owner, {
      method: 'PATCH',
      url: `/api/projects/${team.projectId}/members/${team.lead.id}`,
      payload: { role: 'owner' },
    });
    expect((await ctx.request(team.owner, { method: 'PATCH', url, payload: { role: 'lead' } })).statusCode).toBe(200);
    // The former owner is now a lead and has lost access to the members page.
    expect((await ctx.request(team.owner, { method: 'GET', url: `/api/projects/${team.projectId}/members` })).statusCode).toBe(403);
  });

  it('answers 404 for a user who is not a member', async () => {
    const team = await ctx.createTeam();
    const response = await ctx.request(team.owner, {
      method: 'DELETE',
      url: `/api/projects/${team.projectId}/members/${team.outsider.id}`,
    });
    expect(response.statusCode).toBe(404);
  });
});
