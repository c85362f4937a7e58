// A coder's calibration view of a stage: in its closed rounds, the issues where they chose other
// codes than another coder or than the final decision, each opening the review screen with the
// discussion.
import { Link } from 'react-router';
import { Anchor, Badge, Group, Skeleton, Stack, Table, Text } from '@mantine/core';
import { IconMessage } from '@tabler/icons-react';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { useCalibration } from '../api/get-calibration.ts';

export function CalibrationView({ projectId, stageId }: { projectId: string; stageId: string }) {
  const calibration = useCalibration(projectId, stageId);
  if (calibration.isPending) return <Skeleton h={160} aria-label="Loading your calibration" />;
  if (calibration.isError) {
    if (isApiError(calibration.error, 403)) return <Text c="dimmed">Coding is blind until the round is closed.</Text>;
    return <ErrorAlert error={calibration.error} title="Could not load your calibration" />;
  }
  const { items, rounds, compared, codes } = calibration.data;
  const name = new Map(codes.map((c) => [c.id, c.name]));
  const names = (ids: string[]) => ids.map((id) => name.get(id) ?? 'unknown code').join(', ') || '—';
  if (rounds.length === 0) {
    return <Text c="dimmed">No round of this stage is closed yet. Once a lead closes one, you will see here where you differed.</Text>;
  }
  return (
    <Stack gap="sm">
      <Text size="sm">
        In {rounds.map((r) => r.name).join(', ')} you differed on <strong>{items.length}</strong> of the {compared} issues that others coded
        too (or from the final decision).
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing="xs" aria-label="Where I differed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Issue</Table.Th>
              <Table.Th scope="col">Mine</Table.Th>
              <Table.Th scope="col">Others</Table.Th>
              <Table.Th scope="col">Final decision</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {items.map((item) => (
              <Table.Tr key={item.issueId}>
                <Table.Td>
                  <Anchor component={Link} to={`/projects/${projectId}/review/${stageId}/${item.issueId}`} size="sm" fw={600}>
                    {item.repository}#{item.number}
                  </Anchor>
                  <Group gap={4}>
                    <Text size="xs" c="dimmed" lineClamp={1}>
                      {item.title}
                    </Text>
                    {item.messages ? (
                      <Badge size="xs" variant="light" leftSection={<IconMessage size={10} aria-hidden />}>
                        {item.messages}
                      </Badge>
                    ) : null}
                  </Group>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{names(item.mine)}</Text>
                </Table.Td>
                <Table.Td>
                  {item.others.map((other) => (
                    <Text key={other.coder.id} size="sm">
                      {other.coder.name}: {names(other.codeIds)}
                    </Text>
                  ))}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{item.finalCodeIds ? names(item.finalCodeIds) : 'not decided yet'}</Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Stack>
  );
}
