// Label validation, ordering and the "which categories exist" rule shared by all statistics.
// Mixed number/string labels are rejected because 1 and "1" would silently become two categories.

import type { Label } from './types.ts';

export type LabelKind = 'number' | 'string';

/** Throws unless `value` is a usable label (finite number or string). */
export function assertLabel(value: unknown, where: string): asserts value is Label {
  if (typeof value === 'string') return;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) {
      throw new TypeError(`${where}: label ${String(value)} is not a finite number`);
    }
    return;
  }
  if (value === undefined) {
    throw new TypeError(`${where}: undefined is not a label (use null for a missing rating)`);
  }
  throw new TypeError(`${where}: expected a string or number label, got ${describe(value)}`);
}

export function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return String(value);
  return typeof value;
}

/** Tracks the kind of labels seen so far and throws on the first mix. */
export class KindGuard {
  kind: LabelKind | null = null;
  private first: Label | null = null;

  constructor(private readonly where: string) {}

  see(label: Label): void {
    const kind: LabelKind = typeof label === 'number' ? 'number' : 'string';
    if (this.kind === null) {
      this.kind = kind;
      this.first = label;
    } else if (this.kind !== kind) {
      throw new TypeError(
        `${this.where}: labels mix numbers and strings (${describe(this.first)} and ${describe(label)}); ` +
          'convert them to one type first',
      );
    }
  }
}

/** Numbers ascending; strings by UTF-16 code units (locale-independent, so results are reproducible). */
export function compareLabels(a: Label, b: Label): number {
  if (typeof a === 'number' && typeof b === 'number') return a - b;
  const sa = String(a);
  const sb = String(b);
  return sa < sb ? -1 : sa > sb ? 1 : 0;
}

export function sortLabels(labels: Iterable<Label>): Label[] {
  return [...labels].sort(compareLabels);
}

/**
 * Validates an explicit `categories` option: labels, no duplicates, one kind (matching `guard`).
 * Returns a copy so later mutation by the caller cannot change a result.
 */
export function checkCategories(categories: unknown, guard: KindGuard, where: string): Label[] {
  if (!Array.isArray(categories)) {
    throw new TypeError(`${where}: categories must be an array of labels`);
  }
  const seen = new Set<Label>();
  const out: Label[] = [];
  for (const c of categories as unknown[]) {
    assertLabel(c, `${where}: categories`);
    guard.see(c);
    if (seen.has(c)) throw new RangeError(`${where}: category ${describe(c)} is listed twice`);
    seen.add(c);
    out.push(c);
  }
  return out;
}

/**
 * Convention 1: categories are the given list, else the sorted union of the labels used.
 * Every used label must be in an explicit list.
 */
export function resolveCategories(
  used: ReadonlySet<Label>,
  given: readonly Label[] | undefined,
  guard: KindGuard,
  where: string,
): { categories: Label[]; index: Map<Label, number> } {
  let categories: Label[];
  if (given === undefined) {
    categories = sortLabels(used);
  } else {
    categories = checkCategories(given, guard, where);
    const allowed = new Set(categories);
    for (const label of used) {
      if (!allowed.has(label)) {
        throw new RangeError(`${where}: label ${describe(label)} is not in the given categories`);
      }
    }
  }
  const index = new Map<Label, number>();
  categories.forEach((c, i) => index.set(c, i));
  return { categories, index };
}
