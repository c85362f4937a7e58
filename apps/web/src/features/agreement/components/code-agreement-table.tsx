// Agreement per code (or per top-level theme): prevalence, kappa with its band, the 95% CI as a
// bar on one shared axis, and n. Sortable by its column headers; in multi-label stages a code
// opens the issues where the coders differ on it.
import { useMemo, useState } from 'react';
import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import type { CodeAgreement, CodeRef } from '@concord/contracts';
import { bandColor, formatCoefficient, formatInterval } from './agreement-format.ts';
import { CiBar } from './ci-bar.tsx';
import { StatValue } from './stat-value.tsx';
import { compareNullable, nextSort, SortableHeader, type SortState } from '../../../components/ui/sortable-header.tsx';

type SortColumn = 'code' | 'prevalence' | 'kappa' | 'n';

const codePath = (code: CodeRef) => code.path.join(' › ') || code.name;

interface CodeAgreementTableProps {
  rows: CodeAgreement[];
  caption: string;
  /** What a row is: "Code" or "Theme". */
  rowLabel?: string;
  /** Set when a code can open the issues where the coders differ on it. */
  onOpenCode?: ((code: CodeRef) => void) | undefined;
}

export function CodeAgreementTable({ rows, caption, rowLabel = 'Code', onOpenCode }: CodeAgreementTableProps) {
  const [sort, setSort] = useState<SortState<SortColumn> | null>(null);

  const sorted = useMemo(() => {
    if (!sort) return rows;
    const sign = sort.direction === 'ascending' ? 1 : -1;
    return [...rows].sort((a, b) => {
      switch (sort.column) {
        case 'code':
          return codePath(a.code).localeCompare(codePath(b.code)) * sign;
        case 'prevalence':
          return compareNullable(a.prevalence, b.prevalence, sign);
        case 'kappa':
          return compareNullable(a.kappa.value, b.kappa.value, sign);
        case 'n':
          return (a.kappa.n - b.kappa.n) * sign;
      }
    });
  }, [rows, sort]);

  // One axis for the whole column; 0..1 reads better when no interval dips below zero.
  const domain: [number, number] = rows.every((row) => !row.kappa.ci95 || row.kappa.ci95[0] >= 0) ? [0, 1] : [-1, 1];

  function toggle(column: SortColumn) {
    setSort((current) => nextSort(current, column, ['code']));
  }

  return (
    <Table.ScrollContainer minWidth={680}>
      <Table verticalSpacing="xs" highlightOnHover aria-label={caption}>
        <Table.Thead>
          <Table.Tr>
            <SortableHeader column="code" label={rowLabel} sort={sort} onSort={toggle} />
            <SortableHeader column="prevalence" label="Prevalence" sort={sort} onSort={toggle} align="right" />
            <SortableHeader column="kappa" label="κ" sort={sort} onSort={toggle} align="right" />
            <Table.Th scope="col">
              95% CI{' '}
              <Text span size="xs" c="dimmed" fw={400}>
                (axis {domain[0]} to {domain[1]})
              </Text>
            </Table.Th>
            <SortableHeader column="n" label="n" sort={sort} onSort={toggle} align="right" />
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map(({ code, prevalence, kappa }) => (
            <Table.Tr key={code.id}>
              <Table.Th scope="row" fw={400}>
                <Group gap={6} wrap="nowrap">
                  {onOpenCode ? (
                    <Anchor
                      component="button"
                      type="button"
                      size="sm"
                      ta="left"
                      onClick={() => onOpenCode(code)}
                      aria-label={`${codePath(code)}: show the issues where the coders differ on this code`}
                    >
                      {codePath(code)}
                    </Anchor>
                  ) : (
                    <Text size="sm">{codePath(code)}</Text>
                  )}
                  {code.retired ? (
                    <Badge size="xs" variant="outline" color="gray">
                      retired
                    </Badge>
                  ) : null}
                </Group>
              </Table.Th>
              <Table.Td ta="right" ff="monospace">
                <StatValue size="sm" value={prevalence} format={formatCoefficient} reason="No codings to count.">
                  Prevalence
                </StatValue>
              </Table.Td>
              <Table.Td ta="right">
                <Group gap={6} justify="flex-end" wrap="nowrap">
                  <StatValue size="sm" ff="monospace" fw={600} value={kappa.value} format={formatCoefficient} reason={kappa.reason}>
                    Kappa
                  </StatValue>
                  {kappa.band ? (
                    <Badge size="xs" variant="light" color={bandColor(kappa.band)}>
                      {kappa.band}
                    </Badge>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                {kappa.ci95 && kappa.value !== null ? (
                  <Group gap="xs" wrap="nowrap">
                    <CiBar value={kappa.value} ci={kappa.ci95} domain={domain} color={bandColor(kappa.band)} />
                    <Text size="xs" ff="monospace" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                      {formatInterval(kappa.ci95)}
                    </Text>
                  </Group>
                ) : (
                  <Text size="xs" c="dimmed">
                    {kappa.value === null ? '—' : kappa.coefficient === 'fleiss' ? "none for Fleiss' κ" : '—'}
                  </Text>
                )}
              </Table.Td>
              <Table.Td ta="right" ff="monospace">
                {kappa.n}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
