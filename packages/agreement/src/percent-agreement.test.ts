// Percent agreement checked against irrCAC's published outputs and hand-derived set cases.

import { describe, expect, it } from 'vitest';
import { percentAgreement } from './percent-agreement.ts';
import { krippendorff2011, pairsToMatrix, tableToPairs } from './test-fixtures.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

describe('percentAgreement', () => {
  it('irrCAC vignette, pa.coeff.raw(cac.raw4raters) = 0.8181818 (= 9/11)', () => {
    // Per-unit share of agreeing pairs over the 11 units with ≥ 2 ratings:
    // 1, 3/6, 1, 1, 1, 0, 1, 3/6, 1, 1, 1 → 9/11. Unit 12 (one rating) is ignored.
    const r = percentAgreement(krippendorff2011);
    expect(num(r.value)).toBeCloseTo(0.8181818, 7);
    expect(num(r.value)).toBeCloseTo(9 / 11, 14);
    expect(r.n).toBe(11);
    // Rater pairs: unit sizes 3,4,4,4,4,4,4,4,4,3,2 give 3 + 8·6 + 3 + 1 = 55 pairs.
    expect(r.pairs).toBe(55);
  });

  it('irrCAC vignette, pa2.table(cont3x3abstractors) = 0.89', () => {
    const [a, b] = tableToPairs(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      ['Ectopic', 'AIU', 'NIU'],
    );
    expect(num(percentAgreement(pairsToMatrix(a, b)).value)).toBeCloseTo(0.89, 12);
  });

  it('code sets agree only when identical as sets (order and duplicates ignored); [] is a value, null is missing', () => {
    // Item 1: {a,b} = {b,a} = {a,b}: 3/3. Item 2: {} vs {} vs {a}: 1/3. Item 3: one set + two nulls: ignored.
    const r = percentAgreement([
      [
        ['a', 'b'],
        ['b', 'a'],
        ['a', 'b', 'a'],
      ],
      [[], [], ['a']],
      [['a'], null, null],
    ]);
    expect(r.n).toBe(2);
    expect(num(r.value)).toBeCloseTo((1 + 1 / 3) / 2, 14);
  });

  it('empty or unpairable input gives null with a reason', () => {
    for (const input of [[], [[null, 'a']], [[null, null]]]) {
      const r = percentAgreement(input);
      expect(r.value).toBeNull();
      expect(r.reason).toBeTypeOf('string');
    }
  });

  it('throws on mixing sets and labels, ragged rows and mixed label types', () => {
    expect(() => percentAgreement([[['a'], 'a']] as never)).toThrow(TypeError);
    expect(() => percentAgreement([['a', 'a'], ['a']])).toThrow(RangeError);
    expect(() => percentAgreement([[1, '1']])).toThrow(TypeError);
  });
});
