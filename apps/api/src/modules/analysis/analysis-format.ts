// How the analysis prints numbers in tables and sentences: fixed decimals, p-values as journals
// print them ("< .001" below 0.001), an en dash for what is undefined.

export const UNDEFINED = '–';

export function fixed(value: number | null | undefined, digits = 2): string {
  return value === null || value === undefined ? UNDEFINED : value.toFixed(digits);
}

export function pValue(p: number | null | undefined): string {
  if (p === null || p === undefined) return UNDEFINED;
  return p < 0.001 ? '< 0.001' : p.toFixed(3);
}

export function percent(share: number | null): string {
  return share === null ? UNDEFINED : (share * 100).toFixed(1);
}
