// Distances between code sets: Jaccard and MASI (Passonneau 2006).
// Used directly, and as `distance` for Krippendorff's alpha on multi-label data.

import { KindGuard, assertLabel, describe } from './labels.ts';
import type { CodeSet, Label } from './types.ts';

function distinct(x: unknown, guard: KindGuard, where: string): Set<Label> {
  if (!Array.isArray(x)) throw new TypeError(`${where}: expected a code set (array), got ${describe(x)}`);
  const set = new Set<Label>();
  for (const code of x as unknown[]) {
    assertLabel(code, where);
    guard.see(code);
    set.add(code);
  }
  return set;
}

function overlap(x: CodeSet, y: CodeSet, where: string): { inter: number; a: number; b: number } {
  const guard = new KindGuard(where);
  const sx = distinct(x, guard, where);
  const sy = distinct(y, guard, where);
  let inter = 0;
  for (const code of sx) if (sy.has(code)) inter++;
  return { inter, a: sx.size, b: sy.size };
}

/** 1 − |A∩B| / |A∪B| from the three counts; two empty sets are identical (0). */
export function jaccardFromCounts(inter: number, a: number, b: number): number {
  const union = a + b - inter;
  return union === 0 ? 0 : 1 - inter / union;
}

/**
 * MASI distance 1 − J·M (Passonneau 2006), where M is 1 for identical sets, 2/3 when one set
 * contains the other, 1/3 for other overlapping sets and 0 for disjoint ones.
 */
export function masiFromCounts(inter: number, a: number, b: number): number {
  const union = a + b - inter;
  if (union === 0) return 0;
  let m: number;
  if (inter === a && inter === b) m = 1;
  else if (inter === a || inter === b) m = 2 / 3;
  else if (inter > 0) m = 1 / 3;
  else m = 0;
  return 1 - (inter / union) * m;
}

/** Jaccard distance between two code sets (duplicates ignored; two empty sets → 0). */
export function jaccardDistance(x: CodeSet, y: CodeSet): number {
  const { inter, a, b } = overlap(x, y, 'jaccardDistance');
  return jaccardFromCounts(inter, a, b);
}

/** MASI distance between two code sets (duplicates ignored; two empty sets → 0). */
export function masiDistance(x: CodeSet, y: CodeSet): number {
  const { inter, a, b } = overlap(x, y, 'masiDistance');
  return masiFromCounts(inter, a, b);
}
