// Scott's pi checked against irrCAC's published output and a hand-derived example.

import { describe, expect, it } from 'vitest';
import { scottPi } from './scott-pi.ts';
import { krippendorffBinary, tableToPairs } from './test-fixtures.ts';

function num(x: number | null | undefined): number {
  expect(x).toBeTypeOf('number');
  return x as number;
}

describe('scottPi', () => {
  it('irrCAC vignette, scott2.table(cont3x3abstractors) = 0.7962397', () => {
    // By hand: p_o = 89/100; pooled shares (13+13)/200 = .13, (27+24)/200 = .255, (60+63)/200 = .615;
    // p_e = .13² + .255² + .615² = .46015; pi = (.89 − .46015) / (1 − .46015) = .796240.
    const [a, b] = tableToPairs(
      [
        [13, 0, 0],
        [0, 20, 7],
        [0, 4, 56],
      ],
      ['Ectopic', 'AIU', 'NIU'],
    );
    const r = scottPi(a, b);
    expect(num(r.value)).toBeCloseTo(0.7962397, 7);
    expect(num(r.observed)).toBeCloseTo(0.89, 12);
    expect(num(r.expected)).toBeCloseTo(0.46015, 12);
    expect(r.n).toBe(100);
  });

  it('Krippendorff (2011) binary data, hand-derived: p_o = .6, p_e = .58, pi = .02/.42 = .047619', () => {
    // Observer A has two 1s, B has four: pooled shares 14/20 and 6/20, p_e = .49 + .09 = .58;
    // 4 of 10 units disagree so p_o = .6; pi = (.6 − .58) / (1 − .58).
    const a = krippendorffBinary.map((u) => u[0]!);
    const b = krippendorffBinary.map((u) => u[1]!);
    const r = scottPi(a, b);
    expect(num(r.observed)).toBeCloseTo(0.6, 12);
    expect(num(r.expected)).toBeCloseTo(0.58, 12);
    expect(num(r.value)).toBeCloseTo(0.02 / 0.42, 12);
  });

  it('drops items with a missing rating; undefined cases give null with a reason', () => {
    expect(scottPi(['a', null, 'b'], ['a', 'b', 'b']).n).toBe(2);
    const one = scottPi(['a', 'a'], ['a', 'a']);
    expect(one.value).toBeNull();
    expect(one.reason).toMatch(/single category/);
    const none = scottPi([], []);
    expect(none.value).toBeNull();
    expect(none.reason).toBeTypeOf('string');
  });

  it('throws on malformed input', () => {
    expect(() => scottPi(['a'], [])).toThrow(RangeError);
    expect(() => scottPi([1], ['1'])).toThrow(TypeError);
  });
});
