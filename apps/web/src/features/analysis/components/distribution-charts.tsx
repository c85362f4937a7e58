// The distribution drawn two ways: bars of issues per category, and a treemap of the hierarchy
// (themes, then their codes) sized by code applications. Both are hidden from assistive
// technology: the table beside them holds the same numbers.
import { Bar, BarChart, CartesianGrid, Tooltip, Treemap, XAxis, YAxis } from 'recharts';
import type { AnalysisCode, DistributionRow } from '@concord/contracts';

const PALETTE = ['indigo', 'teal', 'orange', 'grape', 'cyan', 'lime', 'pink', 'yellow', 'blue', 'red'].map(
  (color) => `var(--mantine-color-${color}-6)`,
);

const tooltipStyle = {
  background: 'var(--mantine-color-body)',
  border: '1px solid var(--mantine-color-default-border)',
  borderRadius: 8,
};

export function DistributionBars({ rows }: { rows: DistributionRow[] }) {
  const data = rows.map((row) => ({ name: row.code.name, issues: row.issues, instances: row.instances }));
  return (
    <div aria-hidden style={{ width: '100%' }}>
      <BarChart
        responsive
        layout="vertical"
        data={data}
        accessibilityLayer={false}
        margin={{ top: 4, right: 24, bottom: 4, left: 8 }}
        style={{ width: '100%', height: Math.max(160, 34 * data.length + 40) }}
      >
        <CartesianGrid stroke="var(--mantine-color-default-border)" strokeDasharray="3 3" horizontal={false} />
        <XAxis type="number" allowDecimals={false} stroke="var(--mantine-color-dimmed)" fontSize={12} />
        <YAxis type="category" dataKey="name" width={200} stroke="var(--mantine-color-dimmed)" fontSize={12} interval={0} />
        <Tooltip contentStyle={tooltipStyle} />
        <Bar dataKey="issues" name="Issues" fill="var(--mantine-color-indigo-6)" isAnimationActive={false} />
        <Bar dataKey="instances" name="Instances" fill="var(--mantine-color-teal-5)" isAnimationActive={false} />
      </BarChart>
    </div>
  );
}

interface TreemapLeaf {
  name: string;
  size: number;
  color: string;
  children?: TreemapLeaf[];
  [key: string]: unknown;
}

/** Themes with their codes below them, each code sized by its own applications. */
function hierarchy(codes: AnalysisCode[], perCode: DistributionRow[], perTheme: DistributionRow[]): TreemapLeaf[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  const themeOf = (code: AnalysisCode) => {
    let current = code;
    while (current.parentId) current = byId.get(current.parentId)!;
    return current.id;
  };
  return perTheme
    .filter((theme) => theme.instances > 0)
    .map((theme, i) => {
      const color = PALETTE[i % PALETTE.length]!;
      const leaves = perCode
        .filter((row) => row.instances > 0 && themeOf(row.code) === theme.code.id)
        .map((row) => ({ name: row.code.name, size: row.instances, color }));
      return { name: theme.code.name, size: theme.instances, color, ...(leaves.length > 0 ? { children: leaves } : {}) };
    });
}

function TreemapCell(props: { x?: number; y?: number; width?: number; height?: number; name?: string; color?: string; depth?: number }) {
  const { x = 0, y = 0, width = 0, height = 0, name = '', color, depth = 0 } = props;
  if (depth === 0) return null;
  const fits = width > 60 && height > 22;
  return (
    <g>
      <rect
        x={x}
        y={y}
        width={width}
        height={height}
        fill={color}
        fillOpacity={depth === 1 ? 0.35 : 0.8}
        stroke="var(--mantine-color-body)"
        strokeWidth={depth === 1 ? 3 : 1}
      />
      {fits ? (
        <text x={x + 6} y={y + 16} fontSize={12} fill="var(--mantine-color-white)" style={{ pointerEvents: 'none' }}>
          {name.length * 7 > width - 12 ? `${name.slice(0, Math.max(1, Math.floor((width - 12) / 7) - 1))}…` : name}
        </text>
      ) : null}
    </g>
  );
}

export function DistributionTreemap({
  codes,
  perCode,
  perTheme,
}: {
  codes: AnalysisCode[];
  perCode: DistributionRow[];
  perTheme: DistributionRow[];
}) {
  const data = hierarchy(codes, perCode, perTheme);
  if (data.length === 0) return null;
  return (
    <div aria-hidden style={{ width: '100%' }}>
      <Treemap
        width="100%"
        height={320}
        data={data}
        dataKey="size"
        nameKey="name"
        type="flat"
        aspectRatio={4 / 3}
        isAnimationActive={false}
        content={<TreemapCell />}
      >
        <Tooltip contentStyle={tooltipStyle} />
      </Treemap>
    </div>
  );
}
