// The count-table entry points give exactly what the ratings-based functions give, and
// reproduce the published examples that are themselves printed as count tables.
import { describe, expect, it } from 'vitest';
import { cohenKappa, cohenKappaFromTable, fleissKappa, fleissKappaFromCounts } from './index.ts';
import { diagnoses } from './test-fixtures.ts';

// diagnoses: 30 subjects × 6 raters with categories 1..5; Fleiss (1971) prints it as counts per category.
const diagnosisCounts = diagnoses.map((raters) => [1, 2, 3, 4, 5].map((category) => raters.filter((r) => r === category).length));

describe('fleissKappaFromCounts', () => {
  it('Fleiss (1971) table of counts: kappa 0.4302445 (irr::kappam.fleiss(diagnoses), z = 17.65)', () => {
    const r = fleissKappaFromCounts(diagnosisCounts, { categories: [1, 2, 3, 4, 5] });
    expect(r.value).toBeCloseTo(0.4302445, 7);
    expect(r.z).toBeCloseTo(17.65183, 4);
    expect(r).toEqual(fleissKappa(diagnoses));
  });

  it('weights stand for repeated rows', () => {
    const rows = [
      [3, 0],
      [1, 2],
      [0, 3],
    ];
    const weights = [4, 2, 5];
    const expanded = rows.flatMap((row, i) => Array.from({ length: weights[i]! }, () => row));
    expect(fleissKappaFromCounts(rows, { weights })).toEqual(fleissKappaFromCounts(expanded));
  });

  it('rejects rows with different rater totals, negative or fractional counts', () => {
    expect(() =>
      fleissKappaFromCounts([
        [2, 1],
        [1, 1],
      ]),
    ).toThrow(RangeError);
    expect(() => fleissKappaFromCounts([[-1, 4]])).toThrow(RangeError);
    expect(() => fleissKappaFromCounts([[1.5, 1.5]])).toThrow(RangeError);
    expect(() => fleissKappaFromCounts([[1, 2]], { weights: [0.5] })).toThrow(RangeError);
  });

  it('is null with a reason for degenerate tables', () => {
    expect(fleissKappaFromCounts([]).value).toBeNull();
    expect(fleissKappaFromCounts([[3, 0]], { weights: [10] }).reason).toMatch(/expected agreement is 1/);
  });
});

describe('cohenKappaFromTable', () => {
  it('Wikipedia, "Cohen\'s kappa": 20 / 5 / 10 / 15 gives kappa 0.4', () => {
    const r = cohenKappaFromTable([
      [20, 5],
      [10, 15],
    ]);
    expect(r.value).toBeCloseTo(0.4, 12);
    expect(r.observed).toBeCloseTo(0.7, 12);
    expect(r.expected).toBeCloseTo(0.5, 12);
  });

  it('equals cohenKappa on the ratings the table counts, standard errors included', () => {
    const a = [...Array(20).fill('y'), ...Array(5).fill('y'), ...Array(10).fill('n'), ...Array(15).fill('n')];
    const b = [...Array(20).fill('y'), ...Array(5).fill('n'), ...Array(10).fill('y'), ...Array(15).fill('n')];
    const fromTable = cohenKappaFromTable(
      [
        [15, 10],
        [5, 20],
      ],
      { categories: ['n', 'y'] },
    );
    expect(fromTable).toEqual(cohenKappa(a, b));
  });

  it('rejects a table that is not square or holds negative counts', () => {
    expect(() => cohenKappaFromTable([[1, 2]])).toThrow(RangeError);
    expect(() =>
      cohenKappaFromTable([
        [1, -2],
        [0, 1],
      ]),
    ).toThrow(RangeError);
  });
});

describe('the sparse path of unweighted kappa', () => {
  it('equals the dense k × k computation on 100 random data sets with up to 60 categories', () => {
    let state = 11;
    const random = () => (state = (state * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let run = 0; run < 100; run++) {
      const k = 2 + Math.floor(random() * 59);
      const n = 5 + Math.floor(random() * 300);
      const a = Array.from({ length: n }, () => Math.floor(random() * k));
      const b = a.map((label) => (random() < 0.6 ? label : Math.floor(random() * k)));
      const categories = [...new Set([...a, ...b])].sort((x, y) => x - y);
      const table = categories.map((row) => categories.map((col) => a.filter((label, i) => label === row && b[i] === col).length));
      const sparse = cohenKappa(a, b);
      const dense = cohenKappaFromTable(table, { categories });
      for (const field of ['value', 'observed', 'expected', 'se', 'seH0', 'z'] as const) {
        expect(sparse[field] ?? NaN, `${field}, run ${run}`).toBeCloseTo(dense[field] ?? NaN, 10);
      }
    }
  });
});
