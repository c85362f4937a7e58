// Result shapes shared by every test: a value that is a finite number or null with the reason,
// never NaN or Infinity.

/** `null` with a reason when the statistic is undefined for the input (too few values, all tied). */
export interface Undefined {
  value: null;
  reason: string;
}

export type Alternative = 'two-sided' | 'less' | 'greater';

/** Throws for input that is wrong rather than degenerate: NaN, Infinity, non-numbers. */
export function assertFinite(values: readonly number[], name: string): void {
  for (const value of values) {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new TypeError(`${name} must hold finite numbers only.`);
  }
}
