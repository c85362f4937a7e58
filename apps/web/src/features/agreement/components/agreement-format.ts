// How agreement numbers read on every part of the page: coefficients with 3 decimals, shares as
// percentages with 1 decimal, names of coefficients and Landis & Koch bands with their colours.
import type { Kappa } from '@concord/contracts';

export type Band = NonNullable<Kappa['band']>;

/** A coefficient with 3 decimals, e.g. "0.615"; never "-0.000". */
export function formatCoefficient(value: number): string {
  const text = value.toFixed(3);
  return text === '-0.000' ? '0.000' : text;
}

/** A proportion (0..1) as a percentage with 1 decimal, e.g. "80.0%". */
export function formatPercent(value: number): string {
  const text = (value * 100).toFixed(1);
  return `${text === '-0.0' ? '0.0' : text}%`;
}

export function formatInterval([low, high]: readonly [number, number]): string {
  return `[${formatCoefficient(low)}, ${formatCoefficient(high)}]`;
}

export const KAPPA_NAME: Record<Kappa['coefficient'], string> = { cohen: "Cohen's κ", fleiss: "Fleiss' κ" };

// Landis & Koch (1977); one colour per band everywhere, from red (worse than chance) to teal.
export const BANDS: { band: Band; range: string; color: string }[] = [
  { band: 'poor', range: '< 0', color: 'red' },
  { band: 'slight', range: '0.00–0.20', color: 'orange' },
  { band: 'fair', range: '0.21–0.40', color: 'yellow' },
  { band: 'moderate', range: '0.41–0.60', color: 'lime' },
  { band: 'substantial', range: '0.61–0.80', color: 'green' },
  { band: 'almost perfect', range: '0.81–1.00', color: 'teal' },
];

export function bandColor(band: Kappa['band']): string {
  return BANDS.find((entry) => entry.band === band)?.color ?? 'gray';
}
