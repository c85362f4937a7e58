// One coder pair's decisions side by side in a single-choice stage: codes × codes counts, the
// diagonal (agreement) in teal and the rest in red. An off-diagonal cell opens its issues.
import { Table, Text, UnstyledButton } from '@mantine/core';
import type { CodeRef, CoderRef, PairAgreement } from '@concord/contracts';
import { plural } from '../../../lib/format.ts';
import { countCellStyle } from './heat-cell.ts';

export interface ConfusionCell {
  coderA: CoderRef;
  coderB: CoderRef;
  codeA: CodeRef;
  codeB: CodeRef;
  count: number;
}

interface ConfusionHeatmapProps {
  pair: PairAgreement;
  coderA: CoderRef;
  coderB: CoderRef;
  codeById: Map<string, CodeRef>;
  onOpenCell: (cell: ConfusionCell) => void;
}

const unknownCode = (id: string): CodeRef => ({ id, name: 'Unknown code', path: [], retired: false });

export function ConfusionHeatmap({ pair, coderA, coderB, codeById, onOpenCell }: ConfusionHeatmapProps) {
  if (!pair.confusion) return null;
  const codes = pair.confusion.codeIds.map((id) => codeById.get(id) ?? unknownCode(id));
  const counts = pair.confusion.counts;
  const max = Math.max(0, ...counts.flat());

  return (
    <Table.ScrollContainer minWidth={Math.max(360, 180 + codes.length * 120)}>
      <Table
        withTableBorder
        withColumnBorders
        verticalSpacing="sm"
        layout="fixed"
        aria-label={`Confusion matrix: ${coderA.name} (rows) against ${coderB.name} (columns)`}
      >
        <Table.Thead>
          <Table.Tr>
            <Table.Td w={180}>
              <Text size="xs" c="dimmed">
                {coderA.name} ↓ · {coderB.name} →
              </Text>
            </Table.Td>
            {codes.map((code) => (
              <Table.Th key={code.id} scope="col" ta="center">
                {code.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {codes.map((rowCode, i) => (
            <Table.Tr key={rowCode.id}>
              <Table.Th scope="row">{rowCode.name}</Table.Th>
              {codes.map((columnCode, j) => {
                const count = counts[i]?.[j] ?? 0;
                const agree = i === j;
                const style = countCellStyle(count, max, agree ? 'teal' : 'red');
                if (agree || count === 0) {
                  return (
                    <Table.Td key={columnCode.id} ta="center" style={style}>
                      <Text span ff="monospace" fw={agree ? 700 : 400} c={count === 0 ? 'dimmed' : undefined}>
                        {count}
                      </Text>
                    </Table.Td>
                  );
                }
                return (
                  <Table.Td key={columnCode.id} ta="center" p={0} style={style}>
                    <UnstyledButton
                      w="100%"
                      py="sm"
                      ta="center"
                      ff="monospace"
                      fw={700}
                      c="inherit"
                      style={{ textDecoration: 'underline dotted', textUnderlineOffset: 3 }}
                      aria-label={`${plural(count, 'issue')} where ${coderA.name} chose ${rowCode.name} and ${coderB.name} chose ${columnCode.name}: show them`}
                      onClick={() => onOpenCell({ coderA, coderB, codeA: rowCode, codeB: columnCode, count })}
                    >
                      {count}
                    </UnstyledButton>
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
