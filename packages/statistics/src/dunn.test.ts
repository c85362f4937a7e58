// Dunn's test and Holm's adjustment. Reference values are Dunn's (1964) formula evaluated in
// R 4 (rank(), table() for ties, pnorm, p.adjust(method = "holm")): the computation FSA::dunnTest
// performs; the R lines are quoted next to each case.
import { describe, expect, it } from 'vitest';
import { dunnTest } from './dunn.ts';
import { holmAdjust } from './holm.ts';

// R: dunn <- function(g) { v <- unlist(g); n <- length(v); r <- rank(v); grp <- rep(seq_along(g), lengths(g));
//   mr <- tapply(r, grp, mean); t <- table(v); s <- n*(n+1)/12 - sum(t^3-t)/(12*(n-1));
//   z <- (mr[i]-mr[j]) / sqrt(s*(1/n_i+1/n_j)); p <- 2*pnorm(-abs(z)); p.adjust(p, "holm") }
describe('dunnTest', () => {
  it('the kruskal.test example data (Hollander & Wolfe 1973): z and p for each pair', () => {
    const result = dunnTest([
      [2.9, 3.0, 2.5, 2.6, 3.2],
      [3.8, 2.7, 4.0, 2.4],
      [2.8, 3.4, 3.7, 2.2, 2.0],
    ]);
    if (result.value === null) throw new Error(result.reason);
    const expected = [
      [0, 1, -0.641426980589818, 0.521245308114815, 1],
      [0, 2, 0.226778683805537, 0.820595839755441, 1],
      [1, 2, 0.855235974119758, 0.392420524476582, 1],
    ];
    expected.forEach(([a, b, z, p, adjusted], i) => {
      const row = result.value[i]!;
      expect([row.a, row.b]).toEqual([a, b]);
      expect(row.z).toBeCloseTo(z!, 12);
      expect(row.p).toBeCloseTo(p!, 10);
      expect(row.pAdjusted).toBeCloseTo(adjusted!, 10);
    });
  });

  it('four groups with ties (tie-corrected variance), Holm-adjusted', () => {
    const result = dunnTest([
      [1, 1, 2, 3, 3, 3],
      [4, 5, 5, 6, 7],
      [2, 3, 8, 9, 9, 10, 11],
      [5, 6, 6, 7],
    ]);
    if (result.value === null) throw new Error(result.reason);
    const expected = [
      [-2.038781440582013, 0.04147184541188889, 0.16588738164755557],
      [-3.170014988943602, 0.00152431074222654, 0.00914586445335922],
      [-2.290654566256044, 0.02198340031453846, 0.1099170015726923],
      [-0.903593296897352, 0.36621109693372533, 1],
      [-0.363834637197587, 0.71598149597507921, 1],
      [0.454738381012719, 0.64929746511533781, 1],
    ];
    expect(result.value).toHaveLength(6);
    expected.forEach(([z, p, adjusted], i) => {
      expect(result.value[i]!.z).toBeCloseTo(z!, 12);
      expect(result.value[i]!.p).toBeCloseTo(p!, 10);
      expect(result.value[i]!.pAdjusted).toBeCloseTo(adjusted!, 10);
    });
  });

  it('skips empty groups and keeps the caller’s indexes; all tied gives null with a reason', () => {
    const result = dunnTest([[1, 2], [], [3, 4]]);
    expect(result.value?.map(({ a, b }) => [a, b])).toEqual([[0, 2]]);
    expect(dunnTest([[2, 2], [2]])).toMatchObject({ value: null, reason: expect.stringMatching(/tied/) });
    expect(dunnTest([[1, 2]])).toMatchObject({ value: null, reason: expect.any(String) });
  });
});

describe('holmAdjust', () => {
  it('Holm (1979) step-down, as R p.adjust(c(0.01, 0.04, 0.03, 0.005), "holm") = 0.03 0.06 0.06 0.02', () => {
    const adjusted = holmAdjust([0.01, 0.04, 0.03, 0.005]);
    [0.03, 0.06, 0.06, 0.02].forEach((value, i) => expect(adjusted[i]).toBeCloseTo(value, 15));
  });

  it('caps at 1 and keeps an empty list empty', () => {
    expect(holmAdjust([0.6, 0.7])).toEqual([1, 1]);
    expect(holmAdjust([])).toEqual([]);
  });
});
