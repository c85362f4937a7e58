// The Codebook area: a project's stages in order (tabs, the chosen one kept in the URL as
// ?stage=), each with its settings and its codebook editor. Leads and owners add stages and edit;
// coders read the codebooks they code with.
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { Button, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlus } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StageTabs } from '../../components/ui/stage-tabs.tsx';
import { CodebookEditor } from '../../features/codebooks/components/codebook-editor.tsx';
import { useStageInUrl } from '../../features/stages/components/use-stage-in-url.ts';
import { CreateStageDialog } from '../../features/stages/components/create-stage-dialog.tsx';
import { StageSettings } from '../../features/stages/components/stage-settings.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function CodebookPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Codebook · ${project.name} · Concord`);
  const { stages, list, stage, selectStage } = useStageInUrl(project.id);
  const [creating, setCreating] = useState(false);
  const [searchParams] = useSearchParams();
  const editable = project.role !== 'coder';

  return (
    <>
      <PageHeader
        title="Codebook"
        description={
          editable
            ? "Each stage's codebook: a tree of codes with definitions, include and exclude criteria and examples. Every change is versioned and kept in the history."
            : 'The codes of each stage, with their definitions, criteria and examples. Leads maintain them; you see them read-only.'
        }
        actions={
          editable ? (
            <Button
              leftSection={<IconPlus size={16} aria-hidden />}
              variant="light"
              onClick={() => setCreating(true)}
              disabled={!stages.data}
            >
              New stage
            </Button>
          ) : undefined
        }
      />
      {stages.isPending ? (
        <Stack gap="md" aria-busy="true" aria-label="Loading the stages">
          <Skeleton h={36} w={320} />
          <Skeleton h={320} radius="md" />
        </Stack>
      ) : stages.isError ? (
        <ErrorAlert error={stages.error} title="Could not load the stages" />
      ) : (
        <StageTabs
          stages={list}
          selected={stage}
          onSelect={selectStage}
          numbered
          noStagesActions={
            editable ? (
              <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
                Create the first stage
              </Button>
            ) : undefined
          }
          noStages={
            <>
              <Text>
                A stage is one coding pass with its own codebook, for example “Relevance” (single choice) and then “Challenges”
                (multi-label).
              </Text>
              {!editable ? (
                <Text mt="xs" size="sm">
                  A lead or owner of this project creates them.
                </Text>
              ) : null}
            </>
          }
        >
          {(entry) => (
            <Stack gap="lg">
              <StageSettings projectId={project.id} stage={entry} stages={list} editable={editable} />
              <CodebookEditor
                key={entry.id}
                projectId={project.id}
                stageId={entry.id}
                stageName={entry.name}
                editable={editable}
                focusCodeIds={searchParams.get('codes')?.split(',') ?? []}
                stage={entry}
              />
            </Stack>
          )}
        </StageTabs>
      )}
      {creating && stages.data ? (
        <CreateStageDialog
          projectId={project.id}
          stages={stages.data}
          onClose={() => setCreating(false)}
          onCreated={(created) => {
            setCreating(false);
            selectStage(created.id);
          }}
        />
      ) : null}
    </>
  );
}
