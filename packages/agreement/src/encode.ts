// Validates rating inputs once and turns them into typed arrays of category indices,
// so the statistics' hot loops touch only integers and allocate nothing per item.

import { KindGuard, assertLabel, describe, resolveCategories, sortLabels } from './labels.ts';
import type { LabelKind } from './labels.ts';
import type { Label } from './types.ts';

export const MISSING = -1;

export interface Shape {
  items: number;
  raters: number;
}

export function checkShape(ratings: unknown, where: string): Shape {
  if (!Array.isArray(ratings)) {
    throw new TypeError(`${where}: ratings must be an items × raters array of arrays`);
  }
  let raters = -1;
  for (let i = 0; i < ratings.length; i++) {
    const row: unknown = ratings[i];
    if (!Array.isArray(row)) {
      throw new TypeError(`${where}: row ${i} is ${describe(row)}, expected an array of ratings`);
    }
    if (raters === -1) raters = row.length;
    else if (row.length !== raters) {
      throw new RangeError(`${where}: row ${i} has ${row.length} ratings but row 0 has ${raters}`);
    }
  }
  return { items: ratings.length, raters: Math.max(raters, 0) };
}

/** 'label' or 'set' by the first non-missing cell; 'empty' when every cell is null. */
export function matrixKind(ratings: readonly (readonly unknown[])[]): 'label' | 'set' | 'empty' {
  for (const row of ratings) {
    for (const cell of row) {
      if (cell !== null) return Array.isArray(cell) ? 'set' : 'label';
    }
  }
  return 'empty';
}

function labelCell(cell: unknown, where: string): Label | null {
  if (cell === null) return null;
  if (Array.isArray(cell)) {
    throw new TypeError(
      `${where}: found a code set where a single label was expected ` +
        '(use perCodeKappa, percentAgreement, meanJaccard or krippendorffAlpha with a distance for code sets)',
    );
  }
  assertLabel(cell, where);
  return cell;
}

export interface EncodedLabels extends Shape {
  /** codes[item * raters + rater] = category index, or MISSING. */
  codes: Int32Array;
  categories: Label[];
  kind: LabelKind | null;
}

/**
 * `scope` says which labels define the data-derived categories: 'all' non-missing cells, or only
 * 'complete' rows (for statistics that drop incomplete items first, as irr does with na.omit).
 * Labels in ignored rows are still validated and, with explicit categories, must be listed.
 */
export function encodeLabelMatrix(
  ratings: unknown,
  where: string,
  categories?: readonly Label[],
  scope: 'all' | 'complete' = 'all',
): EncodedLabels {
  const { items, raters } = checkShape(ratings, where);
  const rows = ratings as readonly (readonly unknown[])[];
  const guard = new KindGuard(where);
  const seen = new Set<Label>();
  const kept = new Set<Label>();
  for (let i = 0; i < items; i++) {
    const row = rows[i]!;
    let complete = true;
    for (let r = 0; r < raters; r++) {
      const label = labelCell(row[r], `${where}: item ${i}, rater ${r}`);
      if (label === null) {
        complete = false;
        continue;
      }
      if (!seen.has(label)) {
        guard.see(label);
        seen.add(label);
      }
    }
    if (scope === 'complete' && !complete) continue;
    for (let r = 0; r < raters; r++) {
      const label = row[r] as Label | null;
      if (label !== null) kept.add(label);
    }
  }
  const resolved = resolveCategories(categories === undefined ? kept : seen, categories, guard, where);
  const codes = new Int32Array(items * raters);
  for (let i = 0; i < items; i++) {
    const row = rows[i]!;
    for (let r = 0; r < raters; r++) {
      const cell = row[r] as Label | null;
      // A label outside the categories can only sit in an ignored (incomplete) row.
      codes[i * raters + r] = cell === null ? MISSING : (resolved.index.get(cell) ?? MISSING);
    }
  }
  return { items, raters, codes, categories: resolved.categories, kind: guard.kind };
}

export interface EncodedPair {
  /** Category indices of the items where both raters gave a label (listwise deletion). */
  x: Int32Array;
  y: Int32Array;
  n: number;
  categories: Label[];
  kind: LabelKind | null;
}

export function checkPair(a: unknown, b: unknown, where: string): void {
  if (!Array.isArray(a) || !Array.isArray(b)) {
    throw new TypeError(`${where}: both raters' ratings must be arrays`);
  }
  if (a.length !== b.length) {
    throw new RangeError(`${where}: the two rating arrays differ in length (${a.length} vs ${b.length})`);
  }
}

export function encodeLabelPair(a: unknown, b: unknown, where: string, categories?: readonly Label[]): EncodedPair {
  checkPair(a, b, where);
  const xs = a as readonly unknown[];
  const ys = b as readonly unknown[];
  const guard = new KindGuard(where);
  const seen = new Set<Label>();
  const kept = new Set<Label>();
  const note = (label: Label | null): void => {
    if (label !== null && !seen.has(label)) {
      guard.see(label);
      seen.add(label);
    }
  };
  let n = 0;
  for (let i = 0; i < xs.length; i++) {
    // Validate every cell, including ones later dropped, so bad data never passes silently.
    const x = labelCell(xs[i], `${where}: first rater, item ${i}`);
    const y = labelCell(ys[i], `${where}: second rater, item ${i}`);
    note(x);
    note(y);
    if (x !== null && y !== null) {
      // Categories come from the items kept after listwise deletion (as irr::kappa2 does).
      kept.add(x);
      kept.add(y);
      n++;
    }
  }
  const resolved = resolveCategories(categories === undefined ? kept : seen, categories, guard, where);
  const xi = new Int32Array(n);
  const yi = new Int32Array(n);
  let k = 0;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i] as Label | null;
    const y = ys[i] as Label | null;
    if (x === null || y === null) continue;
    xi[k] = resolved.index.get(x)!;
    yi[k] = resolved.index.get(y)!;
    k++;
  }
  return { x: xi, y: yi, n, categories: resolved.categories, kind: guard.kind };
}

export interface EncodedSets extends Shape {
  /** Sorted union of all codes used; members refer to positions in this list. */
  codes: Label[];
  /** For cell c = item * raters + rater: members[start[c] .. start[c] + len[c]) sorted, distinct. */
  start: Int32Array;
  /** Set size, or MISSING for a null cell. */
  len: Int32Array;
  members: Int32Array;
}

function setCell(cell: unknown, where: string): readonly unknown[] | null {
  if (cell === null) return null;
  if (!Array.isArray(cell)) {
    throw new TypeError(`${where}: expected a code set (array) or null, got ${describe(cell)}`);
  }
  return cell;
}

export function encodeSetRows(rows: readonly (readonly unknown[])[], shape: Shape, where: string): EncodedSets {
  const { items, raters } = shape;
  const guard = new KindGuard(where);
  const universe = new Set<Label>();
  let total = 0;
  let widest = 0;
  for (let i = 0; i < items; i++) {
    const row = rows[i]!;
    for (let r = 0; r < raters; r++) {
      const set = setCell(row[r], `${where}: item ${i}, rater ${r}`);
      if (set === null) continue;
      for (const code of set) {
        assertLabel(code, `${where}: item ${i}, rater ${r}`);
        if (!universe.has(code)) {
          guard.see(code);
          universe.add(code);
        }
      }
      total += set.length;
      if (set.length > widest) widest = set.length;
    }
  }
  const codes = sortLabels(universe);
  const index = new Map<Label, number>();
  codes.forEach((c, i) => index.set(c, i));

  const cells = items * raters;
  const start = new Int32Array(cells);
  const len = new Int32Array(cells);
  const members = new Int32Array(total);
  const scratch = new Int32Array(widest);
  let pos = 0;
  for (let i = 0; i < items; i++) {
    const row = rows[i]!;
    for (let r = 0; r < raters; r++) {
      const c = i * raters + r;
      const set = row[r] as readonly Label[] | null;
      start[c] = pos;
      if (set === null) {
        len[c] = MISSING;
        continue;
      }
      // Insertion sort: code sets are small, and this avoids allocating per cell.
      let m = 0;
      for (const code of set) {
        const v = index.get(code)!;
        let j = m - 1;
        while (j >= 0 && scratch[j]! > v) {
          scratch[j + 1] = scratch[j]!;
          j--;
        }
        scratch[j + 1] = v;
        m++;
      }
      let size = 0;
      for (let j = 0; j < m; j++) {
        if (j > 0 && scratch[j] === scratch[j - 1]) continue;
        members[pos + size] = scratch[j]!;
        size++;
      }
      len[c] = size;
      pos += size;
    }
  }
  return { items, raters, codes, start, len, members };
}

export function encodeSetMatrix(ratings: unknown, where: string): EncodedSets {
  const shape = checkShape(ratings, where);
  return encodeSetRows(ratings as readonly (readonly unknown[])[], shape, where);
}

/** True when cells c and d hold the same set (both non-missing). */
export function sameSet(s: EncodedSets, c: number, d: number): boolean {
  const n = s.len[c]!;
  if (n !== s.len[d]) return false;
  const a = s.start[c]!;
  const b = s.start[d]!;
  for (let j = 0; j < n; j++) {
    if (s.members[a + j] !== s.members[b + j]) return false;
  }
  return true;
}

/** |A ∩ B| for two sorted member runs. */
export function intersectionSize(s: EncodedSets, c: number, d: number): number {
  let i = s.start[c]!;
  let j = s.start[d]!;
  const iEnd = i + s.len[c]!;
  const jEnd = j + s.len[d]!;
  let count = 0;
  while (i < iEnd && j < jEnd) {
    const x = s.members[i]!;
    const y = s.members[j]!;
    if (x === y) {
      count++;
      i++;
      j++;
    } else if (x < y) i++;
    else j++;
  }
  return count;
}
