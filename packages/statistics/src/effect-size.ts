// Effect sizes of two samples from their rank-sum statistic U: Cliff's (1993) delta
// d = P(X > Y) − P(X < Y) = 2U / (n1 n2) − 1, with Romano et al. (2006) magnitudes, and the
// Vargha–Delaney (2000) A = P(X > Y) + ½ P(X = Y) = U / (n1 n2). Same values as
// effsize::cliff.delta and effsize::VD.A in R.
import { rankGroups, sum } from './ranks.ts';
import { assertFinite, type Undefined } from './types.ts';

export type CliffMagnitude = 'negligible' | 'small' | 'medium' | 'large';

/** Romano et al. (2006): |d| < 0.147 negligible, < 0.33 small, < 0.474 medium, else large. */
export function cliffMagnitude(delta: number): CliffMagnitude {
  const size = Math.abs(delta);
  if (size < 0.147) return 'negligible';
  if (size < 0.33) return 'small';
  if (size < 0.474) return 'medium';
  return 'large';
}

export type CliffsDeltaResult =
  { value: number; magnitude: CliffMagnitude; n1: number; n2: number } | (Undefined & { magnitude: null; n1: number; n2: number });

export type VarghaDelaneyResult = { value: number; n1: number; n2: number } | (Undefined & { n1: number; n2: number });

/** P(X > Y) + ½ P(X = Y) over all pairs, in O((n1 + n2) log(n1 + n2)) through mid-ranks. */
function probabilityOfSuperiority(x: readonly number[], y: readonly number[]): number | null {
  assertFinite(x, 'x');
  assertFinite(y, 'y');
  if (x.length === 0 || y.length === 0) return null;
  const { ranks } = rankGroups([x, y]);
  const u = sum(ranks[0]!) - (x.length * (x.length + 1)) / 2;
  return u / (x.length * y.length);
}

const EMPTY = 'Each group needs at least one value.';

export function cliffsDelta(x: readonly number[], y: readonly number[]): CliffsDeltaResult {
  const a = probabilityOfSuperiority(x, y);
  const sizes = { n1: x.length, n2: y.length };
  if (a === null) return { value: null, reason: EMPTY, magnitude: null, ...sizes };
  const delta = 2 * a - 1;
  return { value: delta, magnitude: cliffMagnitude(delta), ...sizes };
}

export function varghaDelaneyA(x: readonly number[], y: readonly number[]): VarghaDelaneyResult {
  const a = probabilityOfSuperiority(x, y);
  const sizes = { n1: x.length, n2: y.length };
  return a === null ? { value: null, reason: EMPTY, ...sizes } : { value: a, ...sizes };
}
