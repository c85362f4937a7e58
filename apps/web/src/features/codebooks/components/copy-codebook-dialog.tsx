// Copying the active codes of another stage, from this project or any other where I am lead or
// owner (the projects I only code in are not offered; the API answers 404 for them anyway).
import { useState, type FormEvent } from 'react';
import { Button, Group, Modal, NativeSelect, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCopy } from '@tabler/icons-react';
import type { CodebookCode } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { errorMessage } from '../../../lib/api-client.ts';
import { plural } from '../../../lib/format.ts';
import { useProjects } from '../../projects/api/get-projects.ts';
import { useStages } from '../../stages/api/get-stages.ts';
import { useCopyCodebook } from '../api/copy-codebook.ts';
import { importProblems } from '../api/import-codebook.ts';
import { ImportProblems } from './import-problems.tsx';
import { codeOptions } from './tree-model.ts';

const TOP_LEVEL = '';

interface CopyCodebookDialogProps {
  projectId: string;
  stageId: string;
  codes: CodebookCode[];
  selectedId: string | null;
  onClose: () => void;
}

export function CopyCodebookDialog({ projectId, stageId, codes, selectedId, onClose }: CopyCodebookDialogProps) {
  const copy = useCopyCodebook(projectId, stageId);
  const projects = useProjects();
  const ledProjects = (projects.data ?? []).filter((project) => project.role !== 'coder');
  const [sourceProjectId, setSourceProjectId] = useState(projectId);
  const stages = useStages(sourceProjectId);
  const sourceStages = (stages.data ?? []).filter((stage) => stage.id !== stageId);
  const [sourceStageId, setSourceStageId] = useState('');
  const chosenStage = sourceStages.find((stage) => stage.id === sourceStageId);
  const selected = codes.find((code) => code.id === selectedId && !code.retired);
  const [parentId, setParentId] = useState<string>(selected?.id ?? TOP_LEVEL);
  const empty = codes.length === 0;
  const problems = importProblems(copy.error);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (!chosenStage) return;
    copy.mutate(
      { fromStageId: chosenStage.id, ...(empty ? {} : { parentId: parentId || null }) },
      {
        onSuccess: (result) => {
          notifications.show({ color: 'teal', title: `Copied ${plural(result.imported, 'code')}`, message: `From “${chosenStage.name}”.` });
          onClose();
        },
      },
    );
  }

  return (
    <Modal opened onClose={onClose} title="Copy codes from another stage" centered size="lg">
      <form onSubmit={submit} aria-label="Copy codes from another stage">
        <Stack gap="sm">
          <Text size="sm" c="dimmed">
            Copies the active codes with their definitions, criteria, colours and shortcuts. Examples come along only within the same
            project.
          </Text>
          {projects.isError ? <ErrorAlert error={projects.error} title="Could not load your projects" /> : null}
          <NativeSelect
            label="Project"
            description="Projects where you are lead or owner"
            data={
              ledProjects.length
                ? ledProjects.map((project) => ({ value: project.id, label: project.name }))
                : [{ value: projectId, label: 'This project' }]
            }
            value={sourceProjectId}
            onChange={(event) => {
              setSourceProjectId(event.currentTarget.value);
              setSourceStageId('');
            }}
          />
          <NativeSelect
            label="Stage"
            data={[
              { value: '', label: stages.isPending ? 'Loading…' : sourceStages.length ? 'Choose a stage…' : 'No other stage' },
              ...sourceStages.map((stage) => ({ value: stage.id, label: `${stage.name} (${plural(stage.codes, 'code')})` })),
            ]}
            value={sourceStageId}
            onChange={(event) => setSourceStageId(event.currentTarget.value)}
          />
          {stages.isError ? <ErrorAlert error={stages.error} /> : null}
          {empty ? (
            <Text size="sm">This codebook is empty: the copied codes become its codes.</Text>
          ) : (
            <NativeSelect
              label="Add the copied codes"
              data={[
                { value: TOP_LEVEL, label: 'At the top level' },
                ...codeOptions(codes).map((option) => ({ value: option.value, label: `Under ${option.label}` })),
              ]}
              value={parentId}
              onChange={(event) => setParentId(event.currentTarget.value)}
            />
          )}
          {problems.length > 0 ? (
            <ImportProblems
              message={errorMessage(copy.error)}
              problems={problems}
              hint="Nothing was copied. These codes clash with the ones already here:"
            />
          ) : copy.error ? (
            <ErrorAlert error={copy.error} />
          ) : null}
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button
              type="submit"
              leftSection={<IconCopy size={16} aria-hidden />}
              loading={copy.isPending}
              disabled={!chosenStage || chosenStage.codes === 0}
            >
              Copy codes
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
