// Krippendorff's alpha = 1 − D_o / D_e for any number of raters with missing data, for the four
// classic levels of measurement or a caller-supplied distance (e.g. MASI for code sets).

import { MISSING, checkShape, encodeLabelMatrix, encodeSetRows, intersectionSize, matrixKind } from './encode.ts';
import type { EncodedSets } from './encode.ts';
import { describe } from './labels.ts';
import { jaccardDistance, jaccardFromCounts, masiDistance, masiFromCounts } from './set-distance.ts';
import type { AlphaResult, CodeSet, Label, LabelDistance, LabelMatrix, Level, SetDistance, SetMatrix } from './types.ts';

export interface AlphaLevelOptions {
  /** Default 'nominal'. */
  level?: Level;
  /** Order of the categories for 'ordinal' (required for string labels); otherwise a whitelist. */
  categories?: readonly Label[];
}

const WHERE = 'krippendorffAlpha';
const LEVELS: readonly Level[] = ['nominal', 'ordinal', 'interval', 'ratio'];

export function krippendorffAlpha(ratings: LabelMatrix, opts?: AlphaLevelOptions): AlphaResult;
export function krippendorffAlpha(ratings: SetMatrix, opts: { distance: SetDistance }): AlphaResult;
export function krippendorffAlpha(ratings: LabelMatrix, opts: { distance: LabelDistance }): AlphaResult;
export function krippendorffAlpha(
  ratings: LabelMatrix | SetMatrix,
  opts: AlphaLevelOptions | { distance: SetDistance | LabelDistance } = {},
): AlphaResult {
  if (opts === null || typeof opts !== 'object') {
    throw new TypeError(`${WHERE}: options must be { level } or { distance }`);
  }
  if ('distance' in opts && opts.distance !== undefined) {
    if ('level' in opts && opts.level !== undefined) {
      throw new TypeError(`${WHERE}: give either level or distance, not both`);
    }
    if (typeof opts.distance !== 'function') throw new TypeError(`${WHERE}: distance must be a function`);
    return alphaWithDistance(ratings, opts.distance);
  }
  const level = (opts as AlphaLevelOptions).level ?? 'nominal';
  if (!LEVELS.includes(level)) {
    throw new TypeError(`${WHERE}: level must be one of ${LEVELS.join(', ')}; got ${describe(level)}`);
  }
  return alphaWithLevel(ratings as LabelMatrix, level, (opts as AlphaLevelOptions).categories);
}

function undefinedResult(level: Level | 'custom', reason: string, units = 0, pairable = 0): AlphaResult {
  return {
    value: null,
    n: units,
    reason,
    level,
    observedDisagreement: null,
    expectedDisagreement: null,
    pairableValues: pairable,
  };
}

/** Per-unit value counts m_u; value ids are in `ids` (MISSING for absent cells). */
interface Units {
  items: number;
  raters: number;
  ids: Int32Array;
  distinct: number;
}

interface Tally {
  /** Pairable values per distinct value id (Krippendorff's n_c). */
  counts: Float64Array;
  /** Units with ≥ 2 values. */
  units: number;
  /** Σ m_u over pairable units (Krippendorff's n). */
  n: number;
}

function tally(u: Units): Tally {
  const counts = new Float64Array(u.distinct);
  let units = 0;
  let n = 0;
  for (let i = 0; i < u.items; i++) {
    const row = i * u.raters;
    let m = 0;
    for (let r = 0; r < u.raters; r++) if (u.ids[row + r] !== MISSING) m++;
    if (m < 2) continue;
    units++;
    n += m;
    for (let r = 0; r < u.raters; r++) {
      const id = u.ids[row + r]!;
      if (id !== MISSING) counts[id]! += 1;
    }
  }
  return { counts, units, n };
}

/** D_o = (1/n) Σ_u Σ_{i≠j} δ(v_ui, v_uj) / (m_u − 1): each pairable unit's value pairs, scaled by m_u − 1. */
function observedDisagreement(u: Units, n: number, delta: (c: number, k: number) => number): number {
  const buf = new Int32Array(u.raters);
  let total = 0;
  for (let i = 0; i < u.items; i++) {
    const row = i * u.raters;
    let m = 0;
    for (let r = 0; r < u.raters; r++) {
      const id = u.ids[row + r]!;
      if (id !== MISSING) buf[m++] = id;
    }
    if (m < 2) continue;
    let sum = 0;
    for (let a = 0; a < m; a++) {
      for (let b = a + 1; b < m; b++) {
        const c = buf[a]!;
        const k = buf[b]!;
        if (c !== k) sum += delta(c, k);
      }
    }
    total += (2 * sum) / (m - 1);
  }
  return total / n;
}

/** D_e = Σ_{c≠k} n_c n_k δ(c, k) / (n (n − 1)) over the distinct pairable values. */
function expectedDisagreement(t: Tally, delta: (c: number, k: number) => number): number {
  const present: number[] = [];
  for (let c = 0; c < t.counts.length; c++) if (t.counts[c]! > 0) present.push(c);
  let sum = 0;
  for (let a = 0; a < present.length; a++) {
    const c = present[a]!;
    const nc = t.counts[c]!;
    for (let b = a + 1; b < present.length; b++) {
      const k = present[b]!;
      sum += nc * t.counts[k]! * delta(c, k);
    }
  }
  return (2 * sum) / (t.n * (t.n - 1));
}

function finish(level: Level | 'custom', t: Tally, dObs: number, dExp: number): AlphaResult {
  if (dExp === 0) {
    return undefinedResult(
      level,
      'all pairable values are identical (or at distance 0), so expected disagreement is 0 and alpha is undefined',
      t.units,
      t.n,
    );
  }
  return {
    value: 1 - dObs / dExp,
    n: t.units,
    level,
    observedDisagreement: dObs,
    expectedDisagreement: dExp,
    pairableValues: t.n,
  };
}

function alphaWithLevel(ratings: LabelMatrix, level: Level, categories: readonly Label[] | undefined): AlphaResult {
  const enc = encodeLabelMatrix(ratings, WHERE, categories);
  if ((level === 'interval' || level === 'ratio') && enc.kind === 'string') {
    throw new TypeError(`${WHERE}: the ${level} level needs numeric labels`);
  }
  if (level === 'ordinal' && enc.kind === 'string' && categories === undefined) {
    throw new TypeError(`${WHERE}: string labels have no natural order; pass categories in scale order for the ordinal level`);
  }
  const values = enc.categories as number[];
  if (level === 'ratio') {
    for (const v of values) {
      if (v < 0) throw new RangeError(`${WHERE}: the ratio level needs non-negative values; got ${v}`);
    }
  }
  const units: Units = { items: enc.items, raters: enc.raters, ids: enc.codes, distinct: enc.categories.length };
  const t = tally(units);
  if (t.units === 0) return undefinedResult(level, 'no unit has two or more values, so nothing is pairable');

  let distinctUsed = 0;
  for (const c of t.counts) if (c > 0) distinctUsed++;
  // Every level's metric is positive between different values, so one value means D_e = 0 exactly.
  if (distinctUsed < 2) return finish(level, t, 0, 0);

  let delta: (c: number, k: number) => number;
  let dExp: number;
  switch (level) {
    case 'nominal': {
      delta = () => 1;
      let sumSq = 0;
      for (const c of t.counts) sumSq += c * c;
      dExp = (t.n * t.n - sumSq) / (t.n * (t.n - 1));
      break;
    }
    case 'interval': {
      delta = (c, k) => (values[c]! - values[k]!) ** 2;
      // Σ_{c,k} n_c n_k (v_c − v_k)² = 2 n Σ_c n_c (v_c − mean)²: linear in the number of values.
      let mean = 0;
      for (let c = 0; c < values.length; c++) mean += t.counts[c]! * values[c]!;
      mean /= t.n;
      let ss = 0;
      for (let c = 0; c < values.length; c++) ss += t.counts[c]! * (values[c]! - mean) ** 2;
      dExp = (2 * t.n * ss) / (t.n * (t.n - 1));
      break;
    }
    case 'ratio': {
      delta = (c, k) => {
        const s = values[c]! + values[k]!;
        return s === 0 ? 0 : ((values[c]! - values[k]!) / s) ** 2;
      };
      dExp = expectedDisagreement(t, delta);
      break;
    }
    case 'ordinal': {
      // δ_ck = (Σ_{g=c..k} n_g − (n_c + n_k)/2)², with n_g the pairable-value counts in category order.
      const cum = new Float64Array(t.counts.length + 1);
      for (let g = 0; g < t.counts.length; g++) cum[g + 1] = cum[g]! + t.counts[g]!;
      delta = (c, k) => {
        const lo = Math.min(c, k);
        const hi = Math.max(c, k);
        const d = cum[hi + 1]! - cum[lo]! - (t.counts[lo]! + t.counts[hi]!) / 2;
        return d * d;
      };
      dExp = expectedDisagreement(t, delta);
      break;
    }
  }
  return finish(level, t, observedDisagreement(units, t.n, delta), dExp);
}

function alphaWithDistance(ratings: LabelMatrix | SetMatrix, distance: SetDistance | LabelDistance): AlphaResult {
  const shape = checkShape(ratings, WHERE);
  const rows = ratings as readonly (readonly unknown[])[];
  const kind = matrixKind(rows);
  if (kind === 'empty') return undefinedResult('custom', 'no unit has two or more values, so nothing is pairable');

  const checked = (d: number, x: unknown, y: unknown): number => {
    if (typeof d !== 'number' || !Number.isFinite(d) || d < 0) {
      throw new RangeError(
        `${WHERE}: distance(${JSON.stringify(x)}, ${JSON.stringify(y)}) returned ${String(d)}; expected a finite number ≥ 0`,
      );
    }
    return d;
  };

  if (kind === 'label') {
    const enc = encodeLabelMatrix(ratings, WHERE);
    const units: Units = { items: enc.items, raters: enc.raters, ids: enc.codes, distinct: enc.categories.length };
    const t = tally(units);
    if (t.units === 0) return undefinedResult('custom', 'no unit has two or more values, so nothing is pairable');
    const fn = distance as LabelDistance;
    const cats = enc.categories;
    const delta = (c: number, k: number): number => checked(fn(cats[c]!, cats[k]!), cats[c], cats[k]);
    return finish('custom', t, observedDisagreement(units, t.n, delta), expectedDisagreement(t, delta));
  }

  const sets = encodeSetRows(rows, shape, WHERE);
  const { ids, representatives } = distinctSets(sets);
  const units: Units = { items: sets.items, raters: sets.raters, ids, distinct: representatives.length };
  const t = tally(units);
  if (t.units === 0) return undefinedResult('custom', 'no unit has two or more values, so nothing is pairable');

  let delta: (c: number, k: number) => number;
  if (distance === masiDistance || distance === jaccardDistance) {
    // Built-in distances work on the encoded members directly: no arrays are rebuilt per pair.
    const fromCounts = distance === masiDistance ? masiFromCounts : jaccardFromCounts;
    delta = (c, k) => {
      const x = representatives[c]!;
      const y = representatives[k]!;
      return fromCounts(intersectionSize(sets, x, y), sets.len[x]!, sets.len[y]!);
    };
  } else {
    const fn = distance as SetDistance;
    const values: CodeSet[] = representatives.map((cell) => {
      const out: Label[] = [];
      for (let j = 0; j < sets.len[cell]!; j++) out.push(sets.codes[sets.members[sets.start[cell]! + j]!]!);
      return out;
    });
    delta = (c, k) => checked(fn(values[c]!, values[k]!), values[c], values[k]);
  }
  return finish('custom', t, observedDisagreement(units, t.n, delta), expectedDisagreement(t, delta));
}

/** Gives every distinct code set an id (identical sets share one); remembers one cell holding each. */
function distinctSets(sets: EncodedSets): { ids: Int32Array; representatives: number[] } {
  const cells = sets.items * sets.raters;
  const ids = new Int32Array(cells);
  const byKey = new Map<string, number>();
  const representatives: number[] = [];
  for (let c = 0; c < cells; c++) {
    const len = sets.len[c]!;
    if (len === MISSING) {
      ids[c] = MISSING;
      continue;
    }
    const start = sets.start[c]!;
    const key = Array.prototype.join.call(sets.members.subarray(start, start + len), ',');
    let id = byKey.get(key);
    if (id === undefined) {
      id = representatives.length;
      byKey.set(key, id);
      representatives.push(c);
    }
    ids[c] = id;
  }
  return { ids, representatives };
}
