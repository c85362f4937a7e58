// The demo's review state, which the browser journeys and the analysis page rely on: every issue of
// the closed Relevance rounds has a final label, the Challenges round is mostly adjudicated, and
// a few disagreements are left for a lead to resolve.
import { expect, it } from 'vitest';
import { createTestContext } from '../../test/test-context.ts';
import { randomSecret, sha256 } from '../lib/secrets.ts';
import { SESSION_TTL_MS } from '../modules/auth/auth.service.ts';
import { seedDemo } from './demo.ts';

const ctx = await createTestContext();

it('finalises agreed issues, adjudicates most disagreements and leaves some open', async () => {
  await seedDemo(ctx.prisma, { production: false });
  const lead = await ctx.prisma.user.findUniqueOrThrow({ where: { email: 'lead@demo.concord' } });
  const token = randomSecret();
  const csrf = randomSecret();
  await ctx.prisma.session.create({
    data: { userId: lead.id, tokenHash: sha256(token), csrfToken: csrf, expiresAt: new Date(Date.now() + SESSION_TTL_MS) },
  });
  const asLead = {
    id: lead.id,
    email: lead.email,
    headers: { cookie: `concord_session=${token}; concord_csrf=${csrf}`, 'x-csrf-token': csrf },
  };
  const project = await ctx.prisma.project.findFirstOrThrow({ include: { stages: { orderBy: { position: 'asc' } } } });
  const [relevance, challenges] = project.stages;
  const get = async (url: string) => (await ctx.request(asLead, { method: 'GET', url: `/api/projects/${project.id}${url}` })).json();

  const relevanceQueue = await get(`/stages/${relevance!.id}/review?status=all`);
  // Two closed rounds of 20 issues, every one with a final label.
  expect(relevanceQueue.counts).toMatchObject({ pending: 0, all: 40 });
  expect(relevanceQueue.counts.decided).toBeGreaterThanOrEqual(3);
  const challengesQueue = await get(`/stages/${challenges!.id}/review`);
  expect(challengesQueue.counts.pending).toBeGreaterThanOrEqual(3);
  expect(challengesQueue.counts.decided).toBeGreaterThanOrEqual(3);
  expect(challengesQueue.items.some((item: { flagged: boolean; messages: number }) => item.flagged && item.messages > 0)).toBe(true);

  const analytics = await get(`/stages/${challenges!.id}/review/analytics`);
  expect(analytics.discussion).toEqual({ discussed: 1, changed: 1 });
  expect(analytics.confusedPairs.length).toBeGreaterThan(0);
  expect(analytics.timeToResolve.resolved).toBe(challengesQueue.counts.decided);
});
