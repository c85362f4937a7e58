// Public API surface, the never-NaN guarantee on random degenerate inputs, and a performance smoke test.

import { describe, expect, it } from 'vitest';
import * as agreement from './index.ts';
import type { CodeSet, SetCell } from './index.ts';

/** Deterministic generator so failures reproduce. */
function lcg(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Every number anywhere in a result must be finite; undefined statistics are null instead. */
function assertFinite(value: unknown, path = 'result'): void {
  if (typeof value === 'number') {
    expect(Number.isFinite(value), `${path} = ${value}`).toBe(true);
  } else if (Array.isArray(value)) {
    value.forEach((v, i) => assertFinite(v, `${path}[${i}]`));
  } else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) assertFinite(v, `${path}.${k}`);
  }
}

describe('public API', () => {
  it('exports every documented function', () => {
    for (const name of [
      'percentAgreement',
      'cohenKappa',
      'weightedKappa',
      'scottPi',
      'fleissKappa',
      'krippendorffAlpha',
      'gwetAC1',
      'perCodeKappa',
      'masiDistance',
      'jaccardDistance',
      'meanJaccard',
      'confusionMatrix',
    ]) {
      expect(typeof (agreement as Record<string, unknown>)[name], name).toBe('function');
    }
  });

  it('never returns NaN or Infinity, and gives a reason whenever value is null (random small and degenerate inputs)', () => {
    const rnd = lcg(20240607);
    for (let trial = 0; trial < 400; trial++) {
      const items = Math.floor(rnd() * 5);
      const raters = 1 + Math.floor(rnd() * 3);
      const k = 1 + Math.floor(rnd() * 3);
      const missing = rnd() * 0.6;
      const labels: (number | null)[][] = Array.from({ length: items }, () =>
        Array.from({ length: raters }, () => (rnd() < missing ? null : 1 + Math.floor(rnd() * k))),
      );
      const sets: SetCell[][] = labels.map((row) =>
        row.map((v): CodeSet | null => (v === null ? null : v === 1 ? [] : ['a', 'b', 'c'].slice(0, v - 1))),
      );
      const a = labels.map((r) => r[0] ?? null);
      const b = labels.map((r) => r[raters - 1] ?? null);
      const sa = sets.map((r) => r[0] ?? null);
      const sb = sets.map((r) => r[raters - 1] ?? null);
      const results = [
        agreement.percentAgreement(labels),
        agreement.percentAgreement(sets),
        agreement.cohenKappa(a, b),
        agreement.weightedKappa(a, b, { weights: 'quadratic' }),
        agreement.scottPi(a, b),
        agreement.fleissKappa(labels),
        agreement.krippendorffAlpha(labels),
        agreement.krippendorffAlpha(labels, { level: 'ordinal' }),
        agreement.krippendorffAlpha(labels, { level: 'interval' }),
        agreement.krippendorffAlpha(labels, { level: 'ratio' }),
        agreement.krippendorffAlpha(sets, { distance: agreement.masiDistance }),
        agreement.gwetAC1(labels),
        agreement.perCodeKappa(sa, sb, 'a'),
        agreement.meanJaccard(sets),
      ];
      for (const r of results) {
        assertFinite(r);
        if (r.value === null) expect(r.reason).toBeTypeOf('string');
        else expect(r.reason).toBeUndefined();
      }
    }
  });

  it('handles 10,000 items × 3 coders × 40 codes quickly (performance smoke test)', () => {
    const rnd = lcg(7);
    const items = 10_000;
    const sets: SetCell[][] = Array.from({ length: items }, () => {
      const base = Array.from({ length: 1 + Math.floor(rnd() * 3) }, () => `c${Math.floor(rnd() * 40)}`);
      return Array.from({ length: 3 }, () => (rnd() < 0.05 ? null : rnd() < 0.7 ? base : [...base.slice(1), `c${Math.floor(rnd() * 40)}`]));
    });
    const labels = sets.map((row) => row.map((s) => (s === null ? null : (s[0] ?? 'none'))));
    const a = sets.map((r) => r[0] ?? null);
    const b = sets.map((r) => r[1] ?? null);
    const start = performance.now();
    agreement.percentAgreement(sets);
    agreement.meanJaccard(sets);
    agreement.krippendorffAlpha(sets, { distance: agreement.masiDistance });
    agreement.krippendorffAlpha(labels);
    agreement.fleissKappa(labels);
    agreement.gwetAC1(labels);
    for (let c = 0; c < 40; c++) agreement.perCodeKappa(a, b, `c${c}`);
    // About 0.2 s on a 2-core machine; the bound only catches accidental quadratic-in-items work.
    expect(performance.now() - start).toBeLessThan(5000);
  });
});
