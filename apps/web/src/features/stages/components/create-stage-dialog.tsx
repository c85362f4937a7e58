// Adding a stage at the end of the project's order, with an empty codebook.
import { Modal } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Stage } from '@concord/contracts';
import { useCreateStage } from '../api/create-stage.ts';
import { StageForm } from './stage-form.tsx';

export function CreateStageDialog({
  projectId,
  stages,
  onClose,
  onCreated,
}: {
  projectId: string;
  stages: Stage[];
  onClose: () => void;
  onCreated: (stage: Stage) => void;
}) {
  const create = useCreateStage(projectId);
  return (
    <Modal opened onClose={onClose} title="New stage" centered size="lg">
      <StageForm
        projectId={projectId}
        earlierStages={stages}
        submitLabel="Create stage"
        pending={create.isPending}
        error={create.error}
        onCancel={onClose}
        onSubmit={(body) =>
          create.mutate(body, {
            onSuccess: (stage) => {
              notifications.show({ color: 'teal', title: 'Stage created', message: `“${stage.name}” comes last in the order.` });
              onCreated(stage);
            },
          })
        }
      />
    </Modal>
  );
}
