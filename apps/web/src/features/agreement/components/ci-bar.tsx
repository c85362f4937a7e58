// A 95% confidence interval as a small horizontal bar on a fixed axis, with the point estimate
// marked, so that intervals in one column compare at a glance. Its text twin is in the label.
import { Box } from '@mantine/core';
import { formatCoefficient, formatInterval } from './agreement-format.ts';

interface CiBarProps {
  value: number;
  ci: readonly [number, number];
  /** The axis; the same for every bar of a table. */
  domain: readonly [number, number];
  color?: string;
}

const WIDTH = 120;
const HEIGHT = 16;

export function CiBar({ value, ci, domain, color = 'indigo' }: CiBarProps) {
  const [min, max] = domain;
  const x = (v: number) => ((Math.min(max, Math.max(min, v)) - min) / (max - min)) * WIDTH;
  const zero = min < 0 && max > 0 ? x(0) : null;
  return (
    <Box
      component="svg"
      width={WIDTH}
      height={HEIGHT}
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      role="img"
      aria-label={`95% CI ${formatInterval(ci)} around ${formatCoefficient(value)} on an axis from ${min} to ${max}`}
      style={{ flexShrink: 0, overflow: 'visible' }}
    >
      <line x1={0} x2={WIDTH} y1={HEIGHT / 2} y2={HEIGHT / 2} stroke="var(--mantine-color-default-border)" strokeWidth={1} />
      {zero !== null ? (
        <line x1={zero} x2={zero} y1={2} y2={HEIGHT - 2} stroke="var(--mantine-color-dimmed)" strokeWidth={1} strokeDasharray="2 2" />
      ) : null}
      <rect
        x={x(ci[0])}
        y={HEIGHT / 2 - 3}
        width={Math.max(1, x(ci[1]) - x(ci[0]))}
        height={6}
        rx={3}
        fill={`var(--mantine-color-${color}-3)`}
      />
      <circle
        cx={x(value)}
        cy={HEIGHT / 2}
        r={4}
        fill={`var(--mantine-color-${color}-7)`}
        stroke="var(--mantine-color-body)"
        strokeWidth={1.5}
      />
    </Box>
  );
}
