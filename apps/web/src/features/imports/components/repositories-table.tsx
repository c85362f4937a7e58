// The project's repositories: issues and pull requests stored, and when each was last synced.
import { Table, Text } from '@mantine/core';
import type { RepositorySummary } from '@concord/contracts';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';

export function RepositoriesTable({ repositories }: { repositories: RepositorySummary[] }) {
  return (
    <Table.ScrollContainer minWidth={560}>
      <Table striped verticalSpacing="xs" aria-label="Repositories">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Repository</Table.Th>
            <Table.Th scope="col" ta="right">
              Issues
            </Table.Th>
            <Table.Th scope="col" ta="right">
              Pull requests
            </Table.Th>
            <Table.Th scope="col">Synced up to</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {repositories.map((repository) => (
            <Table.Tr key={repository.id}>
              <Table.Td>
                <Text size="sm" ff="monospace">
                  {repository.fullName}
                </Text>
              </Table.Td>
              <Table.Td ta="right">{formatNumber(repository.issues)}</Table.Td>
              <Table.Td ta="right">{formatNumber(repository.pullRequests)}</Table.Td>
              <Table.Td>
                <Text size="sm" c={repository.lastSyncedAt ? undefined : 'dimmed'}>
                  {repository.lastSyncedAt ? formatDateTime(repository.lastSyncedAt) : 'not synced from GitHub'}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
