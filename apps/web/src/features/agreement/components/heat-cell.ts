// Cell colours of the heatmaps, from Mantine's palette so that they follow the colour scheme.
import type { CSSProperties } from 'react';
import type { Kappa } from '@concord/contracts';
import { bandColor } from './agreement-format.ts';

/** A kappa cell in its Landis & Koch band's colour. */
export function kappaCellStyle(band: Kappa['band']): CSSProperties {
  const color = bandColor(band);
  return { background: `var(--mantine-color-${color}-light)`, color: `var(--mantine-color-${color}-light-color)` };
}

/** A count cell, the darker the larger its share of the largest count. */
export function countCellStyle(count: number, max: number, color: string): CSSProperties {
  if (count === 0 || max === 0) return {};
  const share = count / max;
  const strength = Math.round(12 + share * 68);
  return {
    background: `color-mix(in srgb, var(--mantine-color-${color}-6) ${strength}%, transparent)`,
    color: strength > 50 ? 'var(--mantine-color-white)' : undefined,
  };
}
