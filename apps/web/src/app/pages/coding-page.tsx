// The Coding area's landing page: my open rounds in this project with my progress, and the way
// into the coding screen at my first unsubmitted issue.
import { useLocation } from 'react-router';
import { Alert, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconConfetti, IconInbox } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { useMyRounds } from '../../features/coding/api/get-my-rounds.ts';
import { MyRoundCard } from '../../features/coding/components/my-round-card.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function CodingPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Coding · ${project.name} · Concord`);
  const rounds = useMyRounds(project.id);
  const location = useLocation();
  // Set by the coding screen when I submitted the last issue of my queue.
  const finishedRound = (location.state as { finishedRound?: unknown } | null)?.finishedRound;

  return (
    <>
      <PageHeader
        title="Coding"
        description="The issues assigned to you, round by round. Coding is blind: you see only your own codes, never the other coders’, while a round is open."
      />
      <Stack gap="lg">
        {typeof finishedRound === 'string' ? (
          <Alert color="teal" variant="light" icon={<IconConfetti aria-hidden />} title="End of your queue">
            You submitted the last issue of {finishedRound}. Anything left as a draft or skipped still counts as not submitted below.
          </Alert>
        ) : null}
        {rounds.isPending ? (
          <Stack gap="lg" aria-busy="true" aria-label="Loading your rounds">
            <Skeleton h={170} radius="md" />
          </Stack>
        ) : rounds.isError ? (
          <ErrorAlert error={rounds.error} title="Could not load your rounds" />
        ) : rounds.data.length === 0 ? (
          <StatusMessage order={2} icon={<IconInbox />} title="Nothing to code right now" color="gray">
            <Text>You have no open round with issues assigned to you in this project.</Text>
            <Text size="sm" c="dimmed" mt="xs">
              When a lead opens a round that assigns issues to you, it appears here with your progress.
            </Text>
          </StatusMessage>
        ) : (
          rounds.data.map((myRound, index) => (
            <MyRoundCard key={myRound.round.id} projectId={project.id} myRound={myRound} autoFocus={index === 0} />
          ))
        )}
      </Stack>
    </>
  );
}
