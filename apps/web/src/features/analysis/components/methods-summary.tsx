// Agreement per stage and round (the headline kappa with CI and n, from the agreement module)
// as a table, and as the sentence a researcher pastes into a paper, with a copy button.
import { Button, CopyButton, Group, Stack, Table, Text } from '@mantine/core';
import { IconCheck, IconCopy } from '@tabler/icons-react';
import type { Analysis } from '@concord/contracts';
import { formatStatistic } from './analysis-format.ts';

export function MethodsSummary({ methods }: { methods: Analysis['methods'] }) {
  return (
    <Stack gap="sm">
      {methods.rows.length > 0 ? (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} fz="sm" aria-label="Agreement per stage and round">
            <Table.Thead>
              <Table.Tr>
                {['Stage', 'Round', 'Coefficient'].map((header) => (
                  <Table.Th key={header} scope="col">
                    {header}
                  </Table.Th>
                ))}
                {['κ', '95% CI', 'n'].map((header) => (
                  <Table.Th key={header} scope="col" ta="right">
                    {header}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {methods.rows.map((row) => (
                <Table.Tr key={`${row.stage.id}:${row.round}`} data-testid="methods-row">
                  <Table.Td>{row.stage.name}</Table.Td>
                  <Table.Td>
                    {row.round}: {row.roundName}
                    {row.status === 'closed' ? '' : ` (${row.status})`}
                  </Table.Td>
                  <Table.Td>{row.kappa.coefficient === 'cohen' ? 'Cohen’s κ' : 'Fleiss’ κ'}</Table.Td>
                  <Table.Td ta="right" ff="monospace" data-column="kappa">
                    {formatStatistic(row.kappa.value)}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {row.kappa.ci95 ? `${formatStatistic(row.kappa.ci95[0])}–${formatStatistic(row.kappa.ci95[1])}` : '—'}
                  </Table.Td>
                  <Table.Td ta="right" ff="monospace">
                    {row.kappa.n}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      ) : null}
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="sm">
        <Text size="sm" component="p" m={0} style={{ userSelect: 'text' }} data-testid="methods-sentence">
          {methods.sentence}
        </Text>
        <CopyButton value={methods.sentence} timeout={2000}>
          {({ copied, copy }) => (
            <Button
              variant="default"
              size="xs"
              onClick={copy}
              style={{ flexShrink: 0 }}
              leftSection={copied ? <IconCheck size={14} aria-hidden /> : <IconCopy size={14} aria-hidden />}
            >
              {copied ? 'Copied' : 'Copy sentence'}
            </Button>
          )}
        </CopyButton>
      </Group>
    </Stack>
  );
}
