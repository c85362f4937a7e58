// Counts per code or per top-level theme: issues carrying it (and their share of the analysed
// issues) and code applications (instances); with raw codings, applications per coder too.
// Sortable by every column.
import { useMemo, useState } from 'react';
import { Badge, Group, Table, Text } from '@mantine/core';
import type { CoderRef, DistributionRow } from '@concord/contracts';
import { compareNullable, nextSort, SortableHeader, type SortState } from '../../../components/ui/sortable-header.tsx';
import { codeLabel, formatShare } from './analysis-format.ts';

type Column = 'code' | 'issues' | 'issueShare' | 'instances' | 'instanceShare';

interface DistributionTableProps {
  rows: DistributionRow[];
  rowLabel: string;
  coders: CoderRef[];
}

export function DistributionTable({ rows, rowLabel, coders }: DistributionTableProps) {
  const [sort, setSort] = useState<SortState<Column> | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) =>
      sort.column === 'code'
        ? codeLabel(a.code).localeCompare(codeLabel(b.code)) * sign
        : compareNullable(a[sort.column], b[sort.column], sign),
    );
  }, [rows, sort]);
  const toggle = (column: Column) => setSort((current) => nextSort(current, column, ['code']));
  const header = (column: Column, label: string, align: 'left' | 'right' = 'right') => (
    <SortableHeader column={column} label={label} sort={sort} onSort={toggle} align={align} />
  );

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={`Distribution per ${rowLabel.toLowerCase()}`}>
        <Table.Thead>
          <Table.Tr>
            {header('code', rowLabel, 'left')}
            {header('issues', 'Issues')}
            {header('issueShare', '% of issues')}
            {header('instances', 'Instances')}
            {header('instanceShare', '% of instances')}
            {coders.map((coder) => (
              <Table.Th key={coder.id} scope="col" ta="right">
                {coder.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.code.id} data-testid="distribution-row" data-code-id={row.code.id}>
              <Table.Th scope="row" fw={400}>
                <Group gap={6} wrap="nowrap">
                  <Text size="sm">{codeLabel(row.code)}</Text>
                  {row.code.retired ? (
                    <Badge size="xs" variant="outline" color="gray">
                      retired
                    </Badge>
                  ) : null}
                </Group>
              </Table.Th>
              <Table.Td ta="right" ff="monospace" data-column="issues">
                {row.issues}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatShare(row.issueShare)}
              </Table.Td>
              <Table.Td ta="right" ff="monospace" data-column="instances">
                {row.instances}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {formatShare(row.instanceShare)}
              </Table.Td>
              {coders.map((coder) => (
                <Table.Td key={coder.id} ta="right" ff="monospace">
                  {row.byCoder.find((entry) => entry.coderId === coder.id)?.instances ?? 0}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
