// One export format: what the file holds, its download link and the action running it as a
// background job, both disabled with the reason when the format needs a stage and none is chosen.
import { Badge, Button, Group, Paper, Stack, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconClockPlay, IconDownload } from '@tabler/icons-react';
import type { ExportFormatInfo } from '@concord/contracts';
import { errorMessage } from '../../../lib/api-client.ts';
import { exportDownloadUrl } from '../api/get-export-formats.ts';
import { useStartExportJob } from '../api/start-export-job.ts';

const NEEDS_STAGE = 'Choose a stage above: this file is about one stage';

export function ExportFormatCard({ projectId, format, stageId }: { projectId: string; format: ExportFormatInfo; stageId: string | null }) {
  const needsStage = format.stage === 'required' && stageId === null;
  const titleId = `export-${format.name}`;
  const startJob = useStartExportJob(projectId);
  const runAsJob = () =>
    startJob.mutate(
      { format: format.name, stageId },
      {
        onSuccess: () =>
          notifications.show({ title: 'Export started', message: `${format.label}: follow it under “Background exports” at the top.` }),
        onError: (error) => notifications.show({ color: 'red', title: 'Could not start the export', message: errorMessage(error) }),
      },
    );
  return (
    <Paper withBorder radius="md" p="md" component="section" aria-labelledby={titleId}>
      <Group justify="space-between" align="flex-start" wrap="nowrap" gap="md">
        <Stack gap={4} flex={1} miw={0}>
          <Group gap="xs">
            <Text id={titleId} fw={600}>
              {format.label}
            </Text>
            <Badge variant="light" color="gray" radius="sm">
              .{format.extension}
            </Badge>
            {format.stage === 'required' ? (
              <Badge variant="outline" color="gray" radius="sm">
                one stage
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {format.description}
          </Text>
        </Stack>
        <Group gap="xs" wrap="nowrap" style={{ flexShrink: 0 }}>
          <Tooltip label={NEEDS_STAGE} disabled={!needsStage}>
            <Button
              variant="default"
              leftSection={<IconClockPlay size={16} aria-hidden />}
              disabled={needsStage}
              loading={startJob.isPending}
              onClick={runAsJob}
              aria-label={`Run ${format.label} as background job`}
            >
              Run as background job
            </Button>
          </Tooltip>
          {needsStage ? (
            <Tooltip label={NEEDS_STAGE}>
              <Button
                variant="default"
                leftSection={<IconDownload size={16} aria-hidden />}
                disabled
                aria-label={`Download ${format.label}`}
                style={{ flexShrink: 0 }}
              >
                Download
              </Button>
            </Tooltip>
          ) : (
            <Button
              component="a"
              href={exportDownloadUrl(projectId, format, stageId)}
              download
              variant="light"
              leftSection={<IconDownload size={16} aria-hidden />}
              aria-label={`Download ${format.label}`}
              style={{ flexShrink: 0 }}
            >
              Download
            </Button>
          )}
        </Group>
      </Group>
    </Paper>
  );
}
