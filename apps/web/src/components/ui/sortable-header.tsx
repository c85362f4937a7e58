// A table column header that sorts its table: click to sort, again to reverse; announces the
// order through aria-sort. Also the comparison that puts missing values last in either direction.
import type { ReactNode } from 'react';
import { Group, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp, IconArrowsSort } from '@tabler/icons-react';

export type SortDirection = 'ascending' | 'descending';
export interface SortState<C extends string> {
  column: C;
  direction: SortDirection;
}

// Missing values sort last whatever the direction: they are not "lowest".
export function compareNullable(a: number | null, b: number | null, sign: number): number {
  if (a === null && b === null) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  return (a - b) * sign;
}

/** The next sort after clicking `column`: text columns start ascending, numbers descending. */
export function nextSort<C extends string>(current: SortState<C> | null, column: C, textColumns: readonly C[]): SortState<C> {
  if (current?.column !== column) return { column, direction: textColumns.includes(column) ? 'ascending' : 'descending' };
  return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
}

export function SortableHeader<C extends string>({
  column,
  label,
  sort,
  onSort,
  align = 'left',
}: {
  column: C;
  label: ReactNode;
  sort: SortState<C> | null;
  onSort: (column: C) => void;
  align?: 'left' | 'right';
}) {
  const active = sort?.column === column;
  const Icon = !active ? IconArrowsSort : sort.direction === 'ascending' ? IconArrowUp : IconArrowDown;
  return (
    <Table.Th scope="col" aria-sort={active ? sort.direction : 'none'} ta={align}>
      <UnstyledButton onClick={() => onSort(column)} fw={700} fz="sm" style={{ whiteSpace: 'nowrap' }}>
        <Group gap={4} wrap="nowrap" justify={align === 'right' ? 'flex-end' : 'flex-start'}>
          {label}
          <Icon size={14} aria-hidden style={{ opacity: active ? 1 : 0.4 }} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}
