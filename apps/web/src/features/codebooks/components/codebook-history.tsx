// Every change of the codebook, newest first: the version it made, what changed, who and when.
import { Badge, Group, Skeleton, Stack, Text } from '@mantine/core';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { formatDateTime, plural } from '../../../lib/format.ts';
import { useCodebookHistory } from '../api/get-codebook-history.ts';

export function CodebookHistoryList({ projectId, stageId }: { projectId: string; stageId: string }) {
  const history = useCodebookHistory(projectId, stageId);
  if (history.isPending) {
    return (
      <Stack gap="xs" aria-busy="true" aria-label="Loading the history">
        {[0, 1, 2].map((key) => (
          <Skeleton key={key} h={36} />
        ))}
      </Stack>
    );
  }
  if (history.isError) return <ErrorAlert error={history.error} title="Could not load the history" />;
  if (history.data.items.length === 0) {
    return (
      <Text size="sm" c="dimmed">
        No changes yet. Every edit of this codebook will be listed here, with who made it and the version it produced.
      </Text>
    );
  }
  const { items, total } = history.data;
  return (
    <Stack gap="xs">
      <Stack component="ol" gap={0} m={0} p={0} style={{ listStyle: 'none' }} aria-label="Codebook history">
        {items.map((item) => (
          <li key={item.id} style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
            <Group gap="sm" py={8} wrap="nowrap" align="flex-start">
              <Badge variant="light" color="gray" miw={44} title={`Version ${item.version}`}>
                v{item.version}
              </Badge>
              <Stack gap={2} style={{ minWidth: 0 }}>
                <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
                  {item.summary}
                </Text>
                <Text size="xs" c="dimmed">
                  {item.user?.name ?? 'Someone no longer here'} · {formatDateTime(item.createdAt)}
                </Text>
              </Stack>
            </Group>
          </li>
        ))}
      </Stack>
      {total > items.length ? (
        <Text size="xs" c="dimmed">
          The {plural(items.length, 'latest change')} of {total}.
        </Text>
      ) : null}
    </Stack>
  );
}
