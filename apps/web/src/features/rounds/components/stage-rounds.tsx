// One stage's rounds with the kappa of each from the agreement report. A coder who may not see
// agreement yet (403: no closed round) gets the table without the kappa column.
import { Button, Card, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconPlus, IconRefreshDot } from '@tabler/icons-react';
import type { Stage } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { StatusMessage } from '../../../components/ui/status-message.tsx';
import { isApiError } from '../../../lib/api-client.ts';
import { plural } from '../../../lib/format.ts';
import { useAgreement } from '../../agreement/api/get-agreement.ts';
import { useRounds } from '../api/get-rounds.ts';
import { RoundsTable } from './rounds-table.tsx';

interface StageRoundsProps {
  projectId: string;
  stage: Stage;
  editable: boolean;
  onNewRound: () => void;
}

export function StageRounds({ projectId, stage, editable, onNewRound }: StageRoundsProps) {
  const rounds = useRounds(projectId, stage.id);
  // The all-rounds report: the same cached query as the Agreement page's default view.
  const agreement = useAgreement(projectId, stage.id, null);
  const agreementHidden = isApiError(agreement.error, 403);

  if (rounds.isPending) {
    return (
      <Stack gap="md" aria-busy="true" aria-label="Loading the rounds">
        <Skeleton h={28} w={240} />
        <Skeleton h={220} radius="md" />
      </Stack>
    );
  }
  if (rounds.isError) return <ErrorAlert error={rounds.error} title="Could not load the rounds" />;
  if (rounds.data.length === 0) {
    return (
      <StatusMessage
        order={2}
        icon={<IconRefreshDot />}
        title={`No rounds in ${stage.name} yet`}
        color="gray"
        actions={
          editable ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={onNewRound}>
              Draw the first round
            </Button>
          ) : undefined
        }
      >
        <Text>
          A round is a batch of issues given to coders with an overlap. Calibration usually starts with a small sample that everyone codes,
          then agreement is read and the codebook refined before the next round.
        </Text>
        {!editable ? (
          <Text mt="xs" size="sm">
            A lead or owner of this project draws them.
          </Text>
        ) : null}
      </StatusMessage>
    );
  }

  return (
    <Card withBorder radius="md" padding="lg" component="section" aria-labelledby={`rounds-heading-${stage.id}`}>
      <Title order={2} fz="h4" id={`rounds-heading-${stage.id}`} mb={4}>
        Calibration sequence
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        {plural(rounds.data.length, 'round')} in {stage.name}, in the order they were drawn
        {stage.input ? `; it codes only issues whose final label in ${stage.input.stageName} contains “${stage.input.codeName}”` : ''}.
        {agreementHidden ? ' Agreement is shown to coders once a round is closed.' : ''}
      </Text>
      <Stack gap="md">
        {agreement.isError && !agreementHidden ? (
          <ErrorAlert error={agreement.error} title="Could not load the agreement per round" />
        ) : null}
        <RoundsTable
          projectId={projectId}
          stageId={stage.id}
          stageName={stage.name}
          rounds={rounds.data}
          agreement={agreement.data ? agreement.data.rounds : null}
          agreementPending={agreement.isPending}
          editable={editable}
        />
      </Stack>
    </Card>
  );
}
