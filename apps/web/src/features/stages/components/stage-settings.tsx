// A stage's settings at a glance (mode, what may be coded, which issues it takes), and for leads
// the way to change them and the stage's place in the order.
import { useState } from 'react';
import { ActionIcon, Badge, Button, Card, Group, Modal, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconSettings } from '@tabler/icons-react';
import type { Stage } from '@concord/contracts';
import { errorMessage } from '../../../lib/api-client.ts';
import { useUpdateStage } from '../api/update-stage.ts';
import { StageForm } from './stage-form.tsx';

interface StageSettingsProps {
  projectId: string;
  stage: Stage;
  stages: Stage[];
  editable: boolean;
}

export function StageSettings({ projectId, stage, stages, editable }: StageSettingsProps) {
  const update = useUpdateStage(projectId);
  const [editing, setEditing] = useState(false);
  const index = stages.findIndex((entry) => entry.id === stage.id);

  function moveTo(position: number) {
    update.mutate(
      { stageId: stage.id, body: { position } },
      { onError: (error) => notifications.show({ color: 'red', title: 'The stage was not moved', message: errorMessage(error) }) },
    );
  }

  function close() {
    setEditing(false);
    update.reset();
  }

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label="Stage settings">
      <Group justify="space-between" align="flex-start" gap="sm" wrap="wrap">
        <Stack gap={6} style={{ flex: '1 1 24rem' }}>
          <Group gap="xs">
            <Text size="sm" fw={600}>
              Stage {index + 1} of {stages.length}
            </Text>
            <Badge variant="outline" color={stage.mode === 'multi' ? 'violet' : 'gray'}>
              {stage.mode === 'multi' ? 'multi-label' : 'single choice'}
            </Badge>
            <Badge variant="light" color="gray">
              {stage.parentCodesCodable ? 'any code can be applied' : 'leaf codes only'}
            </Badge>
          </Group>
          <Text size="sm" c="dimmed">
            {stage.input ? (
              <>
                Codes only the issues whose final label in <strong>{stage.input.stageName}</strong> contains{' '}
                <strong>{stage.input.codeName}</strong>.
              </>
            ) : (
              'Codes all the issues of the project.'
            )}
          </Text>
        </Stack>
        {editable ? (
          <Group gap="xs">
            <Tooltip label="Earlier in the order" withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Move ${stage.name} earlier`}
                disabled={index <= 0 || update.isPending}
                onClick={() => moveTo(index - 1)}
              >
                <IconArrowLeft size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Tooltip label="Later in the order" withArrow>
              <ActionIcon
                variant="default"
                size="lg"
                aria-label={`Move ${stage.name} later`}
                disabled={index >= stages.length - 1 || update.isPending}
                onClick={() => moveTo(index + 1)}
              >
                <IconArrowRight size={16} aria-hidden />
              </ActionIcon>
            </Tooltip>
            <Button variant="default" leftSection={<IconSettings size={16} aria-hidden />} onClick={() => setEditing(true)}>
              Stage settings
            </Button>
          </Group>
        ) : null}
      </Group>
      {editing ? (
        <Modal opened onClose={close} title={`Settings of “${stage.name}”`} centered size="lg">
          <StageForm
            projectId={projectId}
            earlierStages={stages.slice(0, Math.max(index, 0))}
            initial={stage}
            submitLabel="Save settings"
            pending={update.isPending}
            error={update.error}
            onCancel={close}
            onSubmit={({ inputStageId, inputCodeId, ...settings }) =>
              update.mutate(
                {
                  stageId: stage.id,
                  // The input is re-checked only when it changes (its code may have been retired since).
                  body:
                    inputStageId === (stage.input?.stageId ?? null) && inputCodeId === (stage.input?.codeId ?? null)
                      ? settings
                      : { ...settings, inputStageId, inputCodeId },
                },
                {
                  onSuccess: (saved) => {
                    notifications.show({ color: 'teal', title: 'Stage saved', message: `“${saved.name}” is saved.` });
                    close();
                  },
                },
              )
            }
          />
        </Modal>
      ) : null}
    </Card>
  );
}
