// Upper tails of the normal and chi-square distributions, from jstat (MIT, maintained, no
// dependencies) rather than hand-written series. Both are accurate to about 1e-12 absolute;
// p-values smaller than that are reported as computed and should be read as "< 1e-12".
import { createRequire } from 'node:module';

// jstat is CommonJS without types: required as such, typed for the two distributions used.
interface Distribution {
  cdf(x: number, ...parameters: number[]): number;
}
const { jStat } = createRequire(import.meta.url)('jstat') as { jStat: { normal: Distribution; chisquare: Distribution } };

/** P(Z >= z) for a standard normal Z; computed on the lower tail for z > 0 to keep precision. */
export function normalUpperTail(z: number): number {
  return jStat.normal.cdf(-z, 0, 1);
}

/** P(Z <= z) for a standard normal Z. */
export function normalLowerTail(z: number): number {
  return jStat.normal.cdf(z, 0, 1);
}

/** P(X >= x) for X chi-square with `df` degrees of freedom. */
export function chiSquareUpperTail(x: number, df: number): number {
  return Math.max(0, 1 - jStat.chisquare.cdf(x, df));
}
