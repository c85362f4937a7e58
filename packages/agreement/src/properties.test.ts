// Properties every statistic must have, on many random data sets: swapping or reordering raters
// changes nothing, perfect agreement gives 1 whenever the statistic is defined, and degenerate
// inputs give null with a reason, never an exception, NaN or a made-up 0 / 1.
import { describe, expect, it } from 'vitest';
import {
  cohenKappa,
  fleissKappa,
  gwetAC1,
  krippendorffAlpha,
  masiDistance,
  percentAgreement,
  perCodeKappa,
  scottPi,
  weightedKappa,
} from './index.ts';
import type { CodeSet, Label, LabelCell } from './types.ts';

// mulberry32: deterministic, so a failure reproduces.
function random(seed: number) {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CATEGORIES = [1, 2, 3, 4];

function randomLabels(next: () => number, items: number, raters: number, missing = 0): LabelCell[][] {
  return Array.from({ length: items }, () => {
    const base = CATEGORIES[Math.floor(next() * CATEGORIES.length)]!;
    return Array.from({ length: raters }, () =>
      next() < missing ? null : next() < 0.6 ? base : CATEGORIES[Math.floor(next() * CATEGORIES.length)]!,
    );
  });
}

function randomSets(next: () => number, items: number): [CodeSet[], CodeSet[]] {
  const set = () => ['a', 'b', 'c'].filter(() => next() < 0.4);
  const a = Array.from({ length: items }, set);
  return [a, a.map((codes) => (next() < 0.7 ? codes : set()))];
}

const column = (matrix: LabelCell[][], rater: number) => matrix.map((row) => row[rater]!);
const reversed = (matrix: LabelCell[][]) => matrix.map((row) => [...row].reverse());

describe('properties over 200 random data sets', () => {
  const next = random(7);
  const seeds = Array.from({ length: 200 }, (_, i) => i);

  it('swapping the two raters changes no two-rater statistic', () => {
    for (const _ of seeds) {
      const m = randomLabels(next, 5 + Math.floor(next() * 40), 2, 0.1);
      const [a, b] = [column(m, 0), column(m, 1)];
      for (const f of [(x: LabelCell[], y: LabelCell[]) => cohenKappa(x, y), scottPi]) {
        const [ab, ba] = [f(a, b), f(b, a)];
        expect(ba.value ?? NaN).toBeCloseTo(ab.value ?? NaN, 12);
      }
      for (const weights of ['linear', 'quadratic'] as const) {
        const [ab, ba] = [
          weightedKappa(a, b, { categories: CATEGORIES, weights }),
          weightedKappa(b, a, { categories: CATEGORIES, weights }),
        ];
        expect(ba.value ?? NaN).toBeCloseTo(ab.value ?? NaN, 12);
        expect(ba.se ?? NaN).toBeCloseTo(ab.se ?? NaN, 12);
      }
      const [x, y] = randomSets(next, 30);
      expect(perCodeKappa(y, x, 'a').value ?? NaN).toBeCloseTo(perCodeKappa(x, y, 'a').value ?? NaN, 12);
    }
  });

  it('reordering raters changes no multi-rater statistic', () => {
    for (const _ of seeds) {
      const m = randomLabels(next, 5 + Math.floor(next() * 40), 3, 0.1);
      const r = reversed(m);
      expect(fleissKappa(r).value ?? NaN).toBeCloseTo(fleissKappa(m).value ?? NaN, 12);
      expect(gwetAC1(r).value ?? NaN).toBeCloseTo(gwetAC1(m).value ?? NaN, 12);
      expect(percentAgreement(r).value ?? NaN).toBeCloseTo(percentAgreement(m).value ?? NaN, 12);
      for (const level of ['nominal', 'ordinal', 'interval', 'ratio'] as const) {
        expect(krippendorffAlpha(r, { level }).value ?? NaN).toBeCloseTo(krippendorffAlpha(m, { level }).value ?? NaN, 12);
      }
    }
  });

  it('perfect agreement gives 1 whenever the statistic is defined', () => {
    for (const _ of seeds) {
      const labels: Label[] = Array.from({ length: 3 + Math.floor(next() * 20) }, () => CATEGORIES[Math.floor(next() * 4)]!);
      const matrix = labels.map((label) => [label, label, label]);
      const results = [
        cohenKappa(labels, labels),
        weightedKappa(labels, labels, { categories: CATEGORIES, weights: 'quadratic' }),
        scottPi(labels, labels),
        fleissKappa(matrix),
        gwetAC1(matrix),
        percentAgreement(matrix),
        krippendorffAlpha(matrix, { level: 'nominal' }),
        krippendorffAlpha(matrix, { level: 'interval' }),
      ];
      for (const result of results) {
        if (result.value !== null) expect(result.value).toBeCloseTo(1, 12);
        else expect(result.reason).toBeTruthy();
      }
      const [sets] = randomSets(next, 10);
      const alpha = krippendorffAlpha(
        sets.map((s) => [s, s]),
        { distance: masiDistance },
      );
      if (alpha.value !== null) expect(alpha.value).toBeCloseTo(1, 12);
    }
  });
});

describe('degenerate inputs give null with a reason, never an exception or NaN', () => {
  const cases: [string, () => { value: number | null; reason?: string }][] = [
    ['no items', () => cohenKappa([], [])],
    ['every item missing a rating', () => cohenKappa([null, 'a'], ['b', null])],
    ['everyone used one category', () => cohenKappa(['a', 'a'], ['a', 'a'])],
    ['a code nobody used', () => perCodeKappa([['a'], []], [['a'], []], 'z')],
    ['Fleiss with one rater', () => fleissKappa([['a'], ['b']])],
    [
      'Fleiss with no complete item',
      () =>
        fleissKappa([
          ['a', null],
          [null, 'b'],
        ]),
    ],
    [
      'alpha with no pairable unit',
      () =>
        krippendorffAlpha(
          [
            ['a', null],
            [null, 'b'],
          ],
          { level: 'nominal' },
        ),
    ],
    [
      'alpha with one value everywhere',
      () =>
        krippendorffAlpha(
          [
            ['a', 'a'],
            ['a', 'a'],
          ],
          { level: 'nominal' },
        ),
    ],
    ['AC1 with no item', () => gwetAC1([])],
    ['percent agreement with no pair', () => percentAgreement([['a', null]])],
  ];
  for (const [name, compute] of cases) {
    it(name, () => {
      const result = compute();
      expect(result.value).toBeNull();
      expect(result.reason).toBeTruthy();
    });
  }

  it('percent agreement stays defined whenever there is a pair', () => {
    expect(percentAgreement([['a', 'a']]).value).toBe(1);
    expect(percentAgreement([['a', 'b', null]]).value).toBe(0);
  });
});
