// Issues waiting for a lead to recode them because a code they had was split: the lead picks the
// replacement code(s) for each, which replace the split code in its codings and final label.
import { useState } from 'react';
import { Button, Group, MultiSelect, Skeleton, Stack, Table, Text } from '@mantine/core';
import type { CodebookCode, RecodeQueueItem } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { formatDate } from '../../../lib/format.ts';
import { useRecodeQueue } from '../api/get-recode-queue.ts';
import { useResolveRecode } from '../api/resolve-recode.ts';
import { GitHubLink } from '../../markdown/components/github-link.tsx';

interface RecodeQueueProps {
  projectId: string;
  stageId: string;
  /** The codebook's codes: the active ones the stage lets be applied are the choices. */
  codes: CodebookCode[];
  stage: { mode: 'single' | 'multi'; parentCodesCodable: boolean };
}

interface ResolveItemProps {
  projectId: string;
  stageId: string;
  item: RecodeQueueItem;
  choices: { value: string; label: string }[];
  mode: 'single' | 'multi';
}

function ResolveItem({ projectId, stageId, item, choices, mode }: ResolveItemProps) {
  const resolve = useResolveRecode(projectId, stageId);
  const [codeIds, setCodeIds] = useState<string[]>([]);
  return (
    <Stack gap={4}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        <MultiSelect
          aria-label={`Replacement for ${item.repository}#${item.number}`}
          placeholder="Replacement code"
          data={choices}
          value={codeIds}
          onChange={(value) => setCodeIds(mode === 'single' ? value.slice(-1) : value)}
          searchable
          size="xs"
          miw={200}
        />
        <Button
          size="xs"
          disabled={codeIds.length === 0}
          loading={resolve.isPending}
          onClick={() => resolve.mutate({ itemId: item.id, codeIds })}
        >
          Recode
        </Button>
      </Group>
      {resolve.isError ? <ErrorAlert error={resolve.error} title="Not recoded" /> : null}
    </Stack>
  );
}

export function RecodeQueueTable({ projectId, stageId, codes, stage }: RecodeQueueProps) {
  const queue = useRecodeQueue(projectId, stageId, { enabled: true });
  const parents = new Set(codes.filter((code) => !code.retired).map((code) => code.parentId));
  const choices = codes
    .filter((code) => !code.retired && (stage.parentCodesCodable || !parents.has(code.id)))
    .map((code) => ({ value: code.id, label: code.name }));
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
              <Table.Th scope="col">Recode as</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {queue.data.items.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>
                  <GitHubLink url={item.url} size="sm">
                    {item.repository}#{item.number}
                  </GitHubLink>
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
                <Table.Td>
                  <ResolveItem projectId={projectId} stageId={stageId} item={item} choices={choices} mode={stage.mode} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
