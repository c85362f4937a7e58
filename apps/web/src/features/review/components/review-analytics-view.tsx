// Disagreement analytics of a stage: the code pairs most often confused (each opens the queue on
// its issues, or the codebook on the two codes), how often each coder's choice became final,
// discussion, time to resolve, and the disagreement rate per round.
import { Link } from 'react-router';
import { Anchor, Group, Paper, SimpleGrid, Skeleton, Stack, Table, Text, Title } from '@mantine/core';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { formatNumber } from '../../../lib/format.ts';
import { useReviewAnalytics } from '../api/get-review-analytics.ts';

const percent = (part: number, whole: number) => (whole ? `${((part / whole) * 100).toFixed(1)}%` : '—');
const hours = (value: number | null) => (value === null ? '—' : value < 48 ? `${value.toFixed(1)} h` : `${(value / 24).toFixed(1)} days`);

interface ReviewAnalyticsViewProps {
  projectId: string;
  stageId: string;
  round: number | null;
  queueHref: (filters: Record<string, string>) => string;
}

function Figure({ label, value, hint }: { label: string; value: string; hint: string }) {
  return (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fz="xl" fw={700}>
        {value}
      </Text>
      <Text size="xs" c="dimmed">
        {hint}
      </Text>
    </Paper>
  );
}

export function ReviewAnalyticsView({ projectId, stageId, round, queueHref }: ReviewAnalyticsViewProps) {
  const analytics = useReviewAnalytics(projectId, stageId, round);
  if (analytics.isPending) return <Skeleton h={200} aria-label="Loading the analytics" />;
  if (analytics.isError) return <ErrorAlert error={analytics.error} title="Could not load the analytics" />;
  const { confusedPairs, coders, discussion, timeToResolve, perRound } = analytics.data;
  const compared = perRound.reduce((sum, r) => sum + r.compared, 0);
  const disagreements = perRound.reduce((sum, r) => sum + r.disagreements, 0);

  return (
    <Stack gap="lg" component="section" aria-labelledby="analytics-heading">
      <Title order={2} fz="h3" id="analytics-heading">
        Disagreement analytics
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <Figure
          label="Disagreement rate"
          value={percent(disagreements, compared)}
          hint={`${disagreements} of ${compared} issues compared`}
        />
        <Figure
          label="Changed after discussion"
          value={percent(discussion.changed, discussion.discussed)}
          hint={`${discussion.changed} of ${discussion.discussed} labels discussed after a decision`}
        />
        <Figure
          label="Time to resolve"
          value={hours(timeToResolve.medianHours)}
          hint={`median from closing the round to a lead's decision, ${timeToResolve.resolved} issues (mean ${hours(timeToResolve.meanHours)})`}
        />
      </SimpleGrid>

      <Stack gap="xs">
        <Title order={3} fz="h5">
          Code pairs most often confused
        </Title>
        {confusedPairs.length === 0 ? (
          <Text size="sm" c="dimmed">
            No confused codes: the coders never chose one code where another chose a different one.
          </Text>
        ) : (
          <Table aria-label="Confused code pairs" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Codes</Table.Th>
                <Table.Th scope="col">Times</Table.Th>
                <Table.Th scope="col">Refine</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {confusedPairs.map(({ codeA, codeB, count }) => (
                <Table.Tr key={`${codeA.id}-${codeB.id}`}>
                  <Table.Td>
                    <Anchor component={Link} to={queueHref({ codeA: codeA.id, codeB: codeB.id, status: 'all' })} size="sm">
                      {codeA.name} ↔ {codeB.name}
                    </Anchor>
                  </Table.Td>
                  <Table.Td>{formatNumber(count)}</Table.Td>
                  <Table.Td>
                    <Anchor
                      component={Link}
                      to={`/projects/${projectId}/codebook?stage=${stageId}&codes=${codeA.id},${codeB.id}`}
                      size="sm"
                    >
                      Open both in the codebook
                    </Anchor>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>

      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Stack gap="xs">
          <Title order={3} fz="h5">
            How often each coder’s choice became final
          </Title>
          <Table aria-label="Coders and final labels" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Coder</Table.Th>
                <Table.Th scope="col">All issues</Table.Th>
                <Table.Th scope="col">Where coders differed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {coders.map((row) => (
                <Table.Tr key={row.coder.id}>
                  <Table.Td>{row.coder.name}</Table.Td>
                  <Table.Td>
                    {percent(row.matched, row.finalised)}{' '}
                    <Text span size="xs" c="dimmed">
                      ({row.matched}/{row.finalised})
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    {percent(row.disputedMatched, row.disputed)}{' '}
                    <Text span size="xs" c="dimmed">
                      ({row.disputedMatched}/{row.disputed})
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
        <Stack gap="xs">
          <Title order={3} fz="h5">
            Disagreement per round
          </Title>
          <Table aria-label="Disagreement per round" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Round</Table.Th>
                <Table.Th scope="col">Rate</Table.Th>
                <Table.Th scope="col">Waiting</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {perRound.map((row) => (
                <Table.Tr key={row.number}>
                  <Table.Td>
                    <Group gap={4}>
                      {row.number}: {row.name}
                      {row.status !== 'closed' ? (
                        <Text span size="xs" c="dimmed">
                          ({row.status})
                        </Text>
                      ) : null}
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    {percent(row.disagreements, row.compared)}{' '}
                    <Text span size="xs" c="dimmed">
                      ({row.disagreements}/{row.compared})
                    </Text>
                  </Table.Td>
                  <Table.Td>{row.pending}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Stack>
      </SimpleGrid>
    </Stack>
  );
}
