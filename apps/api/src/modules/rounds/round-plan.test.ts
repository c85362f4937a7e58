// The seeded draw of a round: reproducible, balanced, stratified, and every overlap honoured.
import { describe, expect, it } from 'vitest';
import { planRound, type RoundPlanInput } from './round-plan.ts';

const candidates = Array.from({ length: 60 }, (_, i) => ({ id: `i${i}`, repository: i < 30 ? 'a/big' : i < 50 ? 'b/mid' : 'c/small' }));
const base: RoundPlanInput = {
  candidates,
  coderIds: ['x', 'y', 'z'],
  overlap: { mode: 'all' },
  stratifyByRepository: false,
  seed: 'seed-1',
};

const perCoder = (assignments: { coderId: string }[]) =>
  assignments.reduce<Record<string, number>>((counts, a) => ({ ...counts, [a.coderId]: (counts[a.coderId] ?? 0) + 1 }), {});

describe('planRound', () => {
  it('is reproducible from its seed and changes with it', () => {
    expect(planRound(base)).toEqual(planRound(base));
    expect(planRound({ ...base, seed: 'seed-2' }).issueIds).not.toEqual(planRound(base).issueIds);
  });

  it("'all' gives every sampled issue to every coder, each coder's positions 0..n-1", () => {
    const plan = planRound({ ...base, sampleSize: 10 });
    expect(plan.issueIds).toHaveLength(10);
    expect(plan.assignments).toHaveLength(30);
    for (const coder of ['x', 'y', 'z']) {
      expect(plan.assignments.filter((a) => a.coderId === coder).map((a) => a.position)).toEqual([...Array(10).keys()]);
    }
  });

  it("'k' gives each issue k distinct coders, balanced", () => {
    const plan = planRound({ ...base, overlap: { mode: 'k', k: 2 } });
    for (const id of plan.issueIds) expect(new Set(plan.assignments.filter((a) => a.issueId === id).map((a) => a.coderId)).size).toBe(2);
    expect(perCoder(plan.assignments)).toEqual({ x: 40, y: 40, z: 40 });
  });

  it("'share' double-codes that share and single-codes the rest", () => {
    const plan = planRound({ ...base, overlap: { mode: 'share', share: 0.2 }, coderIds: ['x', 'y'] });
    const coders = plan.issueIds.map((id) => plan.assignments.filter((a) => a.issueId === id).length);
    expect(coders.filter((n) => n === 2)).toHaveLength(12);
    expect(coders.filter((n) => n === 1)).toHaveLength(48);
    expect(perCoder(plan.assignments)).toEqual({ x: 36, y: 36 });
  });

  it('stratified samples keep each repository in proportion (largest remainder)', () => {
    const plan = planRound({ ...base, sampleSize: 12, stratifyByRepository: true });
    const repositories = plan.issueIds.map((id) => candidates.find((c) => c.id === id)!.repository);
    expect(repositories.filter((r) => r === 'a/big')).toHaveLength(6);
    expect(repositories.filter((r) => r === 'b/mid')).toHaveLength(4);
    expect(repositories.filter((r) => r === 'c/small')).toHaveLength(2);
  });

  it('refuses more coders per issue than coders, and a coder listed twice', () => {
    expect(() => planRound({ ...base, overlap: { mode: 'k', k: 4 } })).toThrow(/only 3 coders/);
    expect(() => planRound({ ...base, coderIds: ['x', 'x'] })).toThrow(/twice/);
  });
});
