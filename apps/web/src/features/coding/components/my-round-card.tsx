// One of my open rounds on the Coding area's landing page: the stage and round, how much of my
// queue I submitted, the button that resumes at my first unsubmitted issue, and my queue.
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Anchor, Badge, Button, Card, Collapse, Group, Loader, Progress, Stack, Table, Text, Title, UnstyledButton } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconChevronRight, IconPlayerPlay } from '@tabler/icons-react';
import type { MyRound } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { plural } from '../../../lib/format.ts';
import { useQueue } from '../api/get-queue.ts';
import { AssignmentStatusBadge } from './assignment-status-badge.tsx';

interface MyRoundCardProps {
  projectId: string;
  myRound: MyRound;
  /** Focus the main button on arrival, so that Enter starts coding. */
  autoFocus?: boolean;
}

export function MyRoundCard({ projectId, myRound, autoFocus = false }: MyRoundCardProps) {
  const { round, progress, nextAssignmentId } = myRound;
  const done = progress.total > 0 && progress.submitted === progress.total;
  const [queueOpened, { toggle: toggleQueue }] = useDisclosure(false);
  // A finished round has no "next": its first issue comes from the queue.
  const queue = useQueue(projectId, queueOpened || done ? round.id : undefined);
  const target = nextAssignmentId ?? queue.data?.items[0]?.assignmentId ?? null;
  const buttonRef = useRef<HTMLAnchorElement>(null);
  const queueId = `queue-${round.id}`;

  useEffect(() => {
    if (autoFocus) buttonRef.current?.focus();
  }, [autoFocus, target]);

  const label = done ? 'Review my codings' : progress.submitted === 0 ? 'Start coding' : 'Resume coding';

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`round-${round.id}`}>
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
          <Stack gap={4}>
            <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
              {round.stage.name}
            </Text>
            <Title order={2} fz="h3" id={`round-${round.id}`}>
              {round.name}
            </Title>
            <Group gap={6}>
              <Badge variant="outline" color={round.stage.mode === 'multi' ? 'violet' : 'gray'} size="sm">
                {round.stage.mode === 'multi' ? 'multi-label' : 'single choice'}
              </Badge>
              <Text size="xs" c="dimmed">
                Round {round.number} · codebook version {round.codebookVersion}
              </Text>
            </Group>
          </Stack>
          {target ? (
            <Button
              ref={buttonRef}
              component={Link}
              to={`/projects/${projectId}/coding/${target}`}
              leftSection={<IconPlayerPlay size={16} aria-hidden />}
              aria-describedby={`round-${round.id}`}
            >
              {label}
            </Button>
          ) : done ? (
            <Loader size="sm" aria-label="Loading your queue" />
          ) : null}
        </Group>
        <Stack gap={6}>
          <Group justify="space-between" gap="xs">
            <Text size="sm" fw={500}>
              {progress.submitted} of {plural(progress.total, 'issue')} submitted
            </Text>
            {done ? (
              <Badge color="teal" variant="light" size="sm">
                all submitted
              </Badge>
            ) : null}
          </Group>
          <Progress
            value={progress.total ? (progress.submitted / progress.total) * 100 : 0}
            color={done ? 'teal' : undefined}
            aria-label={`${round.name}: ${progress.submitted} of ${progress.total} submitted`}
          />
        </Stack>
        <div>
          <UnstyledButton onClick={toggleQueue} aria-expanded={queueOpened} aria-controls={queueId}>
            <Group gap={4}>
              {queueOpened ? <IconChevronDown size={16} aria-hidden /> : <IconChevronRight size={16} aria-hidden />}
              <Text size="sm" c="anchor">
                {queueOpened ? 'Hide my queue' : 'Show my queue'}
              </Text>
            </Group>
          </UnstyledButton>
          <Collapse expanded={queueOpened} id={queueId}>
            {queue.isPending ? (
              <Loader size="sm" mt="sm" aria-label="Loading your queue" />
            ) : queue.isError ? (
              <ErrorAlert error={queue.error} title="Could not load your queue" />
            ) : (
              <Table.ScrollContainer minWidth={520} mt="sm">
                <Table verticalSpacing={6} aria-label={`My queue in ${round.name}`}>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col" w={48}>
                        #
                      </Table.Th>
                      <Table.Th scope="col">Issue</Table.Th>
                      <Table.Th scope="col" w={110}>
                        Status
                      </Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {queue.data.items.map((item, index) => (
                      <Table.Tr key={item.assignmentId}>
                        <Table.Td>
                          <Text size="sm" c="dimmed">
                            {index + 1}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <Anchor component={Link} to={`/projects/${projectId}/coding/${item.assignmentId}`} size="sm">
                            {item.title}
                          </Anchor>
                          <Text size="xs" c="dimmed" ff="monospace">
                            {item.repository}#{item.number}
                          </Text>
                        </Table.Td>
                        <Table.Td>
                          <AssignmentStatusBadge status={item.status} />
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Table.ScrollContainer>
            )}
          </Collapse>
        </div>
      </Stack>
    </Card>
  );
}
