// Agreement between every two coders as a coders × coders table, each cell holding the pair's
// kappa in its band's colour (the matrix is symmetric; the diagonal is a coder with themself).
import { Table, Text, Tooltip } from '@mantine/core';
import type { AgreementReport, PairAgreement } from '@concord/contracts';
import { formatCoefficient, formatInterval, formatPercent, KAPPA_NAME } from './agreement-format.ts';
import { kappaCellStyle } from './heat-cell.ts';

function findPair(pairs: PairAgreement[], a: string, b: string): PairAgreement | undefined {
  return pairs.find((pair) => (pair.coderA === a && pair.coderB === b) || (pair.coderA === b && pair.coderB === a));
}

export function PairHeatmap({ report }: { report: AgreementReport }) {
  const { coders, pairs } = report;
  return (
    <Table.ScrollContainer minWidth={Math.max(320, 140 + coders.length * 110)}>
      <Table withTableBorder withColumnBorders verticalSpacing="sm" aria-label="Kappa per coder pair" layout="fixed">
        <Table.Thead>
          <Table.Tr>
            <Table.Td w={160} />
            {coders.map((coder) => (
              <Table.Th key={coder.id} scope="col" ta="center">
                {coder.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {coders.map((row) => (
            <Table.Tr key={row.id}>
              <Table.Th scope="row">{row.name}</Table.Th>
              {coders.map((column) => {
                if (row.id === column.id) {
                  return (
                    <Table.Td key={column.id} ta="center" c="dimmed" aria-label="Same coder">
                      —
                    </Table.Td>
                  );
                }
                const pair = findPair(pairs, row.id, column.id);
                if (!pair || pair.kappa.value === null) {
                  const reason = pair?.kappa.reason ?? 'These two coders coded no issue in common.';
                  return (
                    <Table.Td key={column.id} ta="center">
                      <Tooltip label={reason} withArrow multiline maw={280} events={{ hover: true, focus: true, touch: true }}>
                        <Text span c="dimmed" tabIndex={0} aria-label={`Not available: ${reason}`}>
                          —
                        </Text>
                      </Tooltip>
                    </Table.Td>
                  );
                }
                const details = [
                  `${KAPPA_NAME[pair.kappa.coefficient]} ${formatCoefficient(pair.kappa.value)}`,
                  pair.kappa.ci95 ? `95% CI ${formatInterval(pair.kappa.ci95)}` : null,
                  pair.percentAgreement.value !== null ? `${formatPercent(pair.percentAgreement.value)} agreement` : null,
                  `n = ${pair.n}`,
                ]
                  .filter(Boolean)
                  .join(' · ');
                return (
                  <Table.Td key={column.id} ta="center" style={kappaCellStyle(pair.kappa.band)} title={details}>
                    <Text span fw={700} ff="monospace" size="sm">
                      {formatCoefficient(pair.kappa.value)}
                    </Text>
                    <Text size="xs" style={{ opacity: 0.85 }}>
                      n = {pair.n}
                    </Text>
                  </Table.Td>
                );
              })}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
