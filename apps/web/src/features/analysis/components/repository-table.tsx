// Counts per repository: analysed issues, code applications, and issues per top-level theme.
import { useMemo, useState } from 'react';
import { Table } from '@mantine/core';
import type { DistributionRow, RepositoryRow } from '@concord/contracts';
import { nextSort, SortableHeader, type SortState } from '../../../components/ui/sortable-header.tsx';

type Column = 'repository' | 'issues' | 'instances';

export function RepositoryTable({ rows, themes }: { rows: RepositoryRow[]; themes: DistributionRow[] }) {
  const [sort, setSort] = useState<SortState<Column> | null>(null);
  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) =>
      sort.column === 'repository' ? a.repository.localeCompare(b.repository) * sign : (a[sort.column] - b[sort.column]) * sign,
    );
  }, [rows, sort]);
  const toggle = (column: Column) => setSort((current) => nextSort(current, column, ['repository']));

  return (
    <Table.ScrollContainer minWidth={560}>
      <Table verticalSpacing="xs" highlightOnHover aria-label="Distribution per repository">
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="repository" label="Repository" sort={sort} onSort={toggle} />
            <SortableHeader column="issues" label="Issues" sort={sort} onSort={toggle} align="right" />
            <SortableHeader column="instances" label="Instances" sort={sort} onSort={toggle} align="right" />
            {themes.map((theme) => (
              <Table.Th key={theme.code.id} scope="col" ta="right">
                {theme.code.name}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.repository} data-testid="repository-row">
              <Table.Th scope="row" fw={400}>
                {row.repository}
              </Table.Th>
              <Table.Td ta="right" ff="monospace">
                {row.issues}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {row.instances}
              </Table.Td>
              {themes.map((theme) => (
                <Table.Td key={theme.code.id} ta="right" ff="monospace">
                  {row.themes.find((entry) => entry.codeId === theme.code.id)?.issues ?? 0}
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
