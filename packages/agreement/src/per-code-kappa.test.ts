// Per-code kappa: presence/absence reduction to Cohen's kappa, [] vs null, undefined cases.

import { describe, expect, it } from 'vitest';
import { cohenKappa } from './cohen-kappa.ts';
import { perCodeKappa } from './per-code-kappa.ts';
import { tableToPairs } from './test-fixtures.ts';
import type { CodeSet } from './types.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

describe('perCodeKappa', () => {
  it("reduces to Cohen's kappa on presence/absence: Wikipedia 2×2 example (kappa 0.4)", () => {
    // Code "bug" present for both on 20 items, only rater 1 on 5, only rater 2 on 10, neither on 15
    // (the Wikipedia "Cohen's kappa" 2×2 example: p_o = .7, p_e = .5, kappa = .4).
    const [pa, pb] = tableToPairs(
      [
        [20, 5],
        [10, 15],
      ],
      [1, 0],
    );
    const toSet = (present: unknown): CodeSet => (present === 1 ? ['bug', 'docs'] : ['docs']);
    const r = perCodeKappa(pa.map(toSet), pb.map(toSet), 'bug');
    expect(num(r.value)).toBeCloseTo(0.4, 12);
    expect(r.categories).toEqual([0, 1]);
    // SE equals Cohen's kappa SE on the same 0/1 data.
    const direct = cohenKappa(pa, pb);
    expect(num(r.se)).toBeCloseTo(num(direct.se), 14);
    expect(num(r.seH0)).toBeCloseTo(num(direct.seH0), 14);
  });

  it('[] means "no code applies" (absent) while null drops the item', () => {
    const a: (CodeSet | null)[] = [['x'], [], null, ['x', 'y']];
    const b: (CodeSet | null)[] = [['x'], ['x'], ['x'], []];
    const r = perCodeKappa(a, b, 'x');
    expect(r.n).toBe(3);
    // Presence: (1,1), (0,1), (1,0) → same as cohenKappa on these pairs.
    expect(num(r.value)).toBeCloseTo(num(cohenKappa([1, 0, 1], [1, 1, 0]).value), 14);
  });

  it('a code nobody applied, or everybody applied, gives null with a reason', () => {
    const never = perCodeKappa([['a'], []], [[], ['b']], 'z');
    expect(never.value).toBeNull();
    expect(never.reason).toMatch(/never applied/);
    const always = perCodeKappa([['a'], ['a']], [['a'], ['a', 'b']], 'a');
    expect(always.value).toBeNull();
    expect(always.reason).toMatch(/every item/);
    expect(perCodeKappa([], [], 'a').value).toBeNull();
  });

  it('throws on label cells, mismatched lengths and a code of the wrong type', () => {
    expect(() => perCodeKappa(['a'] as never, [['a']], 'a')).toThrow(TypeError);
    expect(() => perCodeKappa([['a']], [], 'a')).toThrow(RangeError);
    expect(() => perCodeKappa([[1]], [[1]], '1')).toThrow(TypeError);
  });
});
