// Headline kappa round after round (e.g. calibration round 1, then 2) as a line with its 95% CI
// as error bars, and the same numbers in a small table for screen readers and for copying.
import { Table, Text } from '@mantine/core';
import { CartesianGrid, ErrorBar, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from 'recharts';
import type { RoundAgreement } from '@concord/contracts';
import { formatCoefficient, formatInterval, KAPPA_NAME } from './agreement-format.ts';

interface Point {
  label: string;
  name: string;
  kappa: number | null;
  /** Distances below and above the point, as recharts' ErrorBar wants them. */
  ci: [number, number] | null;
  ci95: readonly [number, number] | null;
}

export function RoundsChart({ rounds }: { rounds: RoundAgreement[] }) {
  const points: Point[] = rounds.map((round) => {
    const { value, ci95 } = round.overall.kappa;
    return {
      label: `Round ${round.number}`,
      name: round.name,
      kappa: value,
      ci: value !== null && ci95 ? [value - ci95[0], ci95[1] - value] : null,
      ci95,
    };
  });
  // CIs are not clipped to [-1, 1], so the axis grows to hold them, in steps of 0.2.
  const lows = points.flatMap((point) => [point.ci95?.[0] ?? 0, point.kappa ?? 0]);
  const highs = points.flatMap((point) => [point.ci95?.[1] ?? 1, point.kappa ?? 1]);
  const yMin = Math.min(0, Math.floor(Math.min(...lows) * 5) / 5);
  const yMax = Math.max(1, Math.ceil(Math.max(...highs) * 5) / 5);
  const ticks = Array.from({ length: Math.round((yMax - yMin) * 5) + 1 }, (_, i) => Math.round((yMin + i * 0.2) * 10) / 10);
  const names = new Set(rounds.map((round) => KAPPA_NAME[round.overall.kappa.coefficient]));
  const kappaName = names.size === 1 ? [...names][0]! : 'κ';

  return (
    <>
      {/* The table below carries the same numbers, so the drawing is hidden from assistive technology. */}
      <div aria-hidden style={{ width: '100%' }}>
        <LineChart
          responsive
          data={points}
          accessibilityLayer={false}
          margin={{ top: 12, right: 24, bottom: 4, left: 0 }}
          style={{ width: '100%', height: 260 }}
        >
          <CartesianGrid stroke="var(--mantine-color-default-border)" strokeDasharray="3 3" />
          <XAxis dataKey="label" stroke="var(--mantine-color-dimmed)" fontSize={12} padding={{ left: 24, right: 24 }} />
          <YAxis
            domain={[yMin, yMax]}
            ticks={ticks}
            stroke="var(--mantine-color-dimmed)"
            fontSize={12}
            tickFormatter={(value: number) => value.toFixed(1)}
            width={40}
          />
          <ReferenceLine y={0} stroke="var(--mantine-color-dimmed)" />
          <Tooltip
            formatter={(value) => (typeof value === 'number' ? formatCoefficient(value) : '—')}
            labelFormatter={(label, payload) => {
              const point = payload[0]?.payload as Point | undefined;
              return point ? `${String(label)}: ${point.name}` : String(label);
            }}
            contentStyle={{
              background: 'var(--mantine-color-body)',
              border: '1px solid var(--mantine-color-default-border)',
              borderRadius: 8,
            }}
          />
          <Line
            type="linear"
            dataKey="kappa"
            name={kappaName}
            stroke="var(--mantine-color-indigo-6)"
            strokeWidth={2}
            dot={{ r: 5, fill: 'var(--mantine-color-indigo-6)' }}
            connectNulls={false}
            isAnimationActive={false}
          >
            <ErrorBar
              dataKey="ci"
              width={8}
              strokeWidth={1.5}
              stroke="var(--mantine-color-indigo-4)"
              direction="y"
              isAnimationActive={false}
            />
          </Line>
        </LineChart>
      </div>
      <Table.ScrollContainer minWidth={420}>
        <Table verticalSpacing={4} fz="sm" aria-label={`${kappaName} per round`}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Round</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col" ta="right">
                {kappaName}
              </Table.Th>
              <Table.Th scope="col">95% CI</Table.Th>
              <Table.Th scope="col" ta="right">
                n
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.map((round) => (
              <Table.Tr key={round.number}>
                <Table.Th scope="row" fw={500}>
                  Round {round.number}: {round.name}
                </Table.Th>
                <Table.Td>
                  <Text size="sm" c="dimmed">
                    {round.status}
                  </Text>
                </Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {round.overall.kappa.value !== null ? formatCoefficient(round.overall.kappa.value) : '—'}
                </Table.Td>
                <Table.Td ff="monospace">{round.overall.kappa.ci95 ? formatInterval(round.overall.kappa.ci95) : '—'}</Table.Td>
                <Table.Td ta="right" ff="monospace">
                  {round.overall.kappa.n}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
