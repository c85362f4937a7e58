// The review queue as a table: each issue with why it waits, each coder's codes, the final label
// and the discussion size; a row opens the review screen on the same queue.
import { Link } from 'react-router';
import { Anchor, Badge, Group, Table, Text, Tooltip } from '@mantine/core';
import { IconFlag, IconMessage } from '@tabler/icons-react';
import type { CodebookCode, ReviewQueue } from '@concord/contracts';

const REASON: Record<string, string> = {
  disagreement: 'coders differ',
  'cannot-decide': 'cannot decide',
  incomplete: 'not all coded',
  reopened: 'reopened',
};

interface ReviewQueueTableProps {
  queue: ReviewQueue;
  codes: Map<string, CodebookCode>;
  hrefOf: (issueId: string) => string;
}

export function ReviewQueueTable({ queue, codes, hrefOf }: ReviewQueueTableProps) {
  const coderName = new Map(queue.coders.map((c) => [c.id, c.name]));
  const names = (ids: string[]) => ids.map((id) => codes.get(id)?.name ?? 'unknown code').join(', ');
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table verticalSpacing="xs" striped highlightOnHover aria-label="Review queue">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Issue</Table.Th>
            <Table.Th scope="col">Round</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Coders</Table.Th>
            <Table.Th scope="col">Final label</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {queue.items.map((item) => (
            <Table.Tr key={item.issueId}>
              <Table.Td>
                <Anchor component={Link} to={hrefOf(item.issueId)} size="sm" fw={600}>
                  {item.repository}#{item.number}
                </Anchor>
                <Text size="xs" c="dimmed" lineClamp={1}>
                  {item.title}
                </Text>
              </Table.Td>
              <Table.Td>{item.round}</Table.Td>
              <Table.Td>
                <Group gap={4} wrap="nowrap">
                  <Badge variant="light" color={item.status === 'pending' ? 'orange' : item.status === 'agreed' ? 'teal' : 'blue'}>
                    {item.reason ? REASON[item.reason] : item.status}
                  </Badge>
                  {item.flagged ? (
                    <Tooltip label="Flagged for discussion" withArrow>
                      <IconFlag size={16} color="var(--mantine-color-orange-6)" aria-label="Flagged for discussion" />
                    </Tooltip>
                  ) : null}
                  {item.messages ? (
                    <Group gap={2} wrap="nowrap" aria-label={`${item.messages} messages`}>
                      <IconMessage size={14} aria-hidden />
                      <Text size="xs">{item.messages}</Text>
                    </Group>
                  ) : null}
                </Group>
              </Table.Td>
              <Table.Td>
                {item.codings.map((coding) => (
                  <Text key={coding.coderId} size="xs" lineClamp={1}>
                    <Text span fw={600} size="xs">
                      {coderName.get(coding.coderId) ?? 'coder'}:
                    </Text>{' '}
                    {coding.status === 'submitted'
                      ? names(coding.codeIds) || (coding.cannotDecide ? 'cannot decide' : '—')
                      : 'not submitted'}
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Text size="sm">{item.finalCodeIds ? names(item.finalCodeIds) : '—'}</Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
