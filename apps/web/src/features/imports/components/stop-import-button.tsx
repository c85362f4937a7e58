// Stopping a queued or running import (leads and owners), after saying what is kept: the issues
// stored so far stay, and importing again continues from each repository's last completed sync.
import { useState } from 'react';
import { Button } from '@mantine/core';
import { IconPlayerStop } from '@tabler/icons-react';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog.tsx';
import { useCancelImport } from '../api/cancel-import.ts';

export function StopImportButton({ projectId, jobId }: { projectId: string; jobId: string }) {
  const [opened, setOpened] = useState(false);
  const cancel = useCancelImport(projectId);
  const close = () => {
    setOpened(false);
    cancel.reset();
  };
  return (
    <>
      <Button size="xs" variant="light" color="red" leftSection={<IconPlayerStop size={14} aria-hidden />} onClick={() => setOpened(true)}>
        Stop import
      </Button>
      <ConfirmDialog
        opened={opened}
        title="Stop this import?"
        confirmLabel="Stop import"
        onConfirm={() => cancel.mutate(jobId, { onSuccess: close })}
        onClose={close}
        loading={cancel.isPending}
        error={cancel.error}
      >
        The issues and comments imported so far stay. A repository the import has not finished is fetched again from its last completed
        import when you import it next time.
      </ConfirmDialog>
    </>
  );
}
