// The Rounds area: each stage's calibration sequence (tabs, the chosen stage kept in the URL as
// ?stage=), round after round with its design, progress and kappa. Leads and owners draw new
// rounds and open, close and reopen them; coders read the list with their own progress.
import { useState } from 'react';
import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StageTabs } from '../../components/ui/stage-tabs.tsx';
import { CreateRoundDialog } from '../../features/rounds/components/create-round-dialog.tsx';
import { StageRounds } from '../../features/rounds/components/stage-rounds.tsx';
import { useStageInUrl } from '../../features/stages/components/use-stage-in-url.ts';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function RoundsPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Rounds · ${project.name} · Concord`);
  const { stages, list, stage, selectStage } = useStageInUrl(project.id);
  const [creating, setCreating] = useState(false);
  const editable = project.role !== 'coder';

  return (
    <>
      <PageHeader
        title="Rounds"
        description={
          editable
            ? 'The calibration sequence of each stage: batches of issues drawn for coders with an overlap, opened for coding, then closed to unblind the codings and read agreement before the next round.'
            : 'The rounds of each stage and your progress in them. Leads draw, open and close rounds; agreement is shown once a round is closed.'
        }
        actions={
          editable ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)} disabled={!stage}>
              New round
            </Button>
          ) : undefined
        }
      />
      {stages.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label="Loading the stages">
          <Skeleton h={36} w={320} />
          <Skeleton h={260} radius="md" />
        </Stack>
      ) : stages.isError ? (
        <ErrorAlert error={stages.error} title="Could not load the stages" />
      ) : (
        <StageTabs
          stages={list}
          selected={stage}
          onSelect={selectStage}
          noStages={<Text>Rounds are drawn per stage, and this project has no stages yet. Stages are created in the Codebook area.</Text>}
          numbered
        >
          {(entry) => <StageRounds projectId={project.id} stage={entry} editable={editable} onNewRound={() => setCreating(true)} />}
        </StageTabs>
      )}
      {creating && stage ? (
        <CreateRoundDialog
          key={stage.id}
          projectId={project.id}
          role={project.role}
          stage={stage}
          stages={list}
          onClose={() => setCreating(false)}
          onCreated={() => setCreating(false)}
        />
      ) : null}
    </>
  );
}
