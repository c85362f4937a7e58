// Inter-rater agreement of a project, one stage at a time (tabs) and for all rounds or one
// (select), both kept in the URL (?stage=, ?round=) so that a view can be shared and reloaded.
import { Link, useSearchParams } from 'react-router';
import { Badge, Button, Group, NativeSelect, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconEyeOff } from '@tabler/icons-react';
import type { StageSummary } from '@concord/contracts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { StageTabs } from '../../components/ui/stage-tabs.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { agreementCsvUrl, useAgreement } from '../../features/agreement/api/get-agreement.ts';
import { AgreementReportView } from '../../features/agreement/components/agreement-report-view.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

function parseRound(value: string | null): number | null {
  if (!value || !/^\d+$/.test(value)) return null;
  const round = Number.parseInt(value, 10);
  return round >= 1 ? round : null;
}

function BlindCodingMessage({ projectId, code }: { projectId: string; code: string }) {
  return (
    <StatusMessage
      order={2}
      icon={<IconEyeOff />}
      title="Agreement is shown to coders once the round is closed"
      color="orange"
      actions={
        <Button component={Link} to={`/projects/${projectId}`} variant="light">
          Back to the project overview
        </Button>
      }
    >
      <Text>
        Coding is blind: while a round is {code === 'ROUND_OPEN' ? 'still open' : 'being coded'}, seeing how the others coded would sway
        your own decisions. Leads and owners see the numbers now; you will see them when a lead closes the round.
      </Text>
    </StatusMessage>
  );
}

function LoadingReport() {
  return (
    <Stack gap="lg" aria-busy="true" aria-label="Loading the agreement report">
      <Skeleton h={180} radius="md" />
      <Skeleton h={260} radius="md" />
      <Skeleton h={160} radius="md" />
    </Stack>
  );
}

function StageAgreement({
  projectId,
  stage,
  round,
  onRoundChange,
}: {
  projectId: string;
  stage: StageSummary;
  round: number | null;
  onRoundChange: (round: number | null) => void;
}) {
  // The all-rounds report lists the rounds (for the select and the chart); with no round chosen
  // it is also the report shown, and the two share one cached query.
  const allRounds = useAgreement(projectId, stage.id, null);
  const report = useAgreement(projectId, stage.id, round);
  const rounds = allRounds.data?.rounds ?? report.data?.rounds ?? [];
  const roundOptions = [
    { value: '', label: 'All rounds' },
    ...rounds.map((entry) => ({
      value: String(entry.number),
      label: `Round ${entry.number}: ${entry.name}${entry.status === 'closed' ? '' : ` (${entry.status})`}`,
    })),
    // A round from the URL that the list does not (yet) hold stays selectable rather than vanishing.
    ...(round !== null && !rounds.some((entry) => entry.number === round) ? [{ value: String(round), label: `Round ${round}` }] : []),
  ];

  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <NativeSelect
          label="Round"
          w={{ base: '100%', sm: 320 }}
          data={roundOptions}
          value={round === null ? '' : String(round)}
          onChange={(event) => onRoundChange(parseRound(event.currentTarget.value))}
        />
        <Badge variant="outline" color={stage.mode === 'multi' ? 'violet' : 'gray'}>
          {stage.mode === 'multi' ? 'multi-label' : 'single choice'}
        </Badge>
      </Group>

      {report.isPending ? (
        <LoadingReport />
      ) : isApiError(report.error, 403) ? (
        <BlindCodingMessage projectId={projectId} code={report.error.code} />
      ) : report.isError ? (
        <ErrorAlert error={report.error} title="Could not load the agreement report" />
      ) : (
        <AgreementReportView
          key={`${stage.id}:${round ?? 'all'}`}
          projectId={projectId}
          report={report.data}
          rounds={rounds}
          csvUrl={agreementCsvUrl(projectId, stage.id, round)}
        />
      )}
    </Stack>
  );
}

export function AgreementPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Agreement · ${project.name} · Concord`);
  const [searchParams, setSearchParams] = useSearchParams();
  const stages = [...project.stages].sort((a, b) => a.position - b.position);
  const stage = stages.find((entry) => entry.id === searchParams.get('stage')) ?? stages[0];
  const round = parseRound(searchParams.get('round'));

  function selectStage(stageId: string | null) {
    if (!stageId || stageId === stage?.id) return;
    // Rounds are numbered per stage: round 2 of one stage is not round 2 of the next.
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      next.set('stage', stageId);
      next.delete('round');
      return next;
    });
  }

  function selectRound(nextRound: number | null) {
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      if (stage) next.set('stage', stage.id);
      if (nextRound === null) next.delete('round');
      else next.set('round', String(nextRound));
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Agreement"
        description="How far the coders agree when they code the same issues blind: overall, per code, per coder pair and per round, computed on the server."
      />
      <StageTabs
        stages={stages}
        selected={stage}
        onSelect={selectStage}
        noStages="Agreement is measured per stage, and this project has no stages yet."
      >
        {(entry) => <StageAgreement projectId={project.id} stage={entry} round={round} onRoundChange={selectRound} />}
      </StageTabs>
    </>
  );
}
