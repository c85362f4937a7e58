// Issues waiting for a lead to recode them because a code they had was split.
import { Anchor, Skeleton, Stack, Table, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useRecodeQueue } from '../api/get-recode-queue.ts';

export function RecodeQueueTable({ projectId, stageId }: { projectId: string; stageId: string }) {
  const queue = useRecodeQueue(projectId, stageId, { enabled: true });
  if (queue.isPending) return <Skeleton h={80} aria-label="Loading the recode queue" />;
  if (queue.isError) return <ErrorAlert error={queue.error} title="Could not load the recode queue" />;
  if (queue.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        Nothing to recode. When a code is split, every issue coded with it is listed here until a lead chooses among the new codes.
      </Text>
    );
  }
  return (
    <Stack gap="xs">
      <Table.ScrollContainer minWidth={520}>
        <Table verticalSpacing="xs" aria-label="Recode queue">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Issue</Table.Th>
              <Table.Th scope="col">Had the split code</Table.Th>
              <Table.Th scope="col">Since</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <Anchor href={item.url} target="_blank" rel="noopener noreferrer" size="sm">
                    {item.repository}#{item.number}
                  </Anchor>
                  <Text size="xs" c="dimmed" lineClamp={1}>
                    {item.title}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.code.name}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                    {formatDate(item.createdAt)}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
