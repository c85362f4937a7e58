// Resolution time per category as horizontal box plots: box from Q1 to Q3 with the median,
// Tukey whiskers, and the minimum / maximum as dots when they lie beyond the whiskers. Linear or
// log10 axis; on the log axis, values below 0.01 days (about 15 minutes) are drawn at 0.01.
import type { Summary } from '@concord/contracts';

const WIDTH = 900;
const LABEL_WIDTH = 300;
const LABEL_CHARACTERS = 30;
const ROW_HEIGHT = 30;
const AXIS_HEIGHT = 28;
const RIGHT_PAD = 16;
const LOG_FLOOR = 0.01;

export interface BoxRow {
  id: string;
  label: string;
  time: Summary;
}

function niceLinearTicks(max: number): number[] {
  if (max <= 0) return [0];
  const rough = max / 5;
  const magnitude = 10 ** Math.floor(Math.log10(rough));
  const step = [1, 2, 5, 10].map((factor) => factor * magnitude).find((candidate) => candidate >= rough)!;
  return Array.from({ length: Math.floor(max / step) + 1 }, (_, i) => Math.round(i * step * 1e6) / 1e6);
}

export function BoxPlot({ rows, log, label }: { rows: BoxRow[]; log: boolean; label: string }) {
  const drawn = rows.filter((row) => row.time.n > 0);
  if (drawn.length === 0) return null;
  const max = Math.max(...drawn.map((row) => row.time.max!));
  const min = Math.min(...drawn.map((row) => row.time.min!));
  const low = log ? Math.log10(Math.max(LOG_FLOOR, Math.min(min, 1))) : 0;
  const high = log ? Math.log10(Math.max(max, 1) * 1.1) : max * 1.05 || 1;
  const plotWidth = WIDTH - LABEL_WIDTH - RIGHT_PAD;
  const x = (value: number) => LABEL_WIDTH + (((log ? Math.log10(Math.max(LOG_FLOOR, value)) : value) - low) / (high - low)) * plotWidth;
  const ticks = log
    ? Array.from({ length: Math.floor(high) - Math.ceil(low) + 1 }, (_, i) => 10 ** (Math.ceil(low) + i))
    : niceLinearTicks(high);
  const height = drawn.length * ROW_HEIGHT + AXIS_HEIGHT;

  return (
    <svg viewBox={`0 0 ${WIDTH} ${height}`} width="100%" role="img" aria-label={label} style={{ maxWidth: WIDTH + 100, display: 'block' }}>
      {ticks.map((tick) => (
        <g key={tick}>
          <line
            x1={x(tick)}
            x2={x(tick)}
            y1={0}
            y2={height - AXIS_HEIGHT}
            stroke="var(--mantine-color-default-border)"
            strokeDasharray="3 3"
          />
          <text x={x(tick)} y={height - 10} fontSize={12} textAnchor="middle" fill="var(--mantine-color-dimmed)">
            {tick >= 1 || tick === 0 ? tick.toLocaleString() : tick}
          </text>
        </g>
      ))}
      {drawn.map((row, i) => {
        const { q1, q3, median, whiskerLow, whiskerHigh, min: lowest, max: highest } = row.time;
        const middle = i * ROW_HEIGHT + ROW_HEIGHT / 2;
        const color = 'var(--mantine-color-indigo-6)';
        return (
          <g key={row.id}>
            <text x={LABEL_WIDTH - 8} y={middle + 4} fontSize={12} textAnchor="end" fill="var(--mantine-color-text)">
              <title>{row.label}</title>
              {row.label.length > LABEL_CHARACTERS ? `${row.label.slice(0, LABEL_CHARACTERS - 1)}…` : row.label} (n = {row.time.n})
            </text>
            <line x1={x(whiskerLow!)} x2={x(whiskerHigh!)} y1={middle} y2={middle} stroke={color} />
            <line x1={x(whiskerLow!)} x2={x(whiskerLow!)} y1={middle - 6} y2={middle + 6} stroke={color} />
            <line x1={x(whiskerHigh!)} x2={x(whiskerHigh!)} y1={middle - 6} y2={middle + 6} stroke={color} />
            <rect
              x={x(q1!)}
              y={middle - 9}
              width={Math.max(1, x(q3!) - x(q1!))}
              height={18}
              fill="var(--mantine-color-indigo-1)"
              stroke={color}
            />
            <line x1={x(median!)} x2={x(median!)} y1={middle - 9} y2={middle + 9} stroke="var(--mantine-color-orange-7)" strokeWidth={2} />
            {lowest! < whiskerLow! ? <circle cx={x(lowest!)} cy={middle} r={3} fill="none" stroke={color} /> : null}
            {highest! > whiskerHigh! ? <circle cx={x(highest!)} cy={middle} r={3} fill="none" stroke={color} /> : null}
          </g>
        );
      })}
    </svg>
  );
}
