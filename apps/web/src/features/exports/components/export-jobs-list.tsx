// The export jobs the member may see, newest first: each with its progress bar (rows written of
// the counted total, or a running bar when the format cannot count), a way to stop it while it
// runs, and its download link once the stored file is complete, until it expires.
import { Badge, Box, Button, Group, Paper, Progress, Skeleton, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconPlayerStop } from '@tabler/icons-react';
import type { ExportJob } from '@concord/contracts';
import { ErrorAlert } from '../../../components/ui/error-alert.tsx';
import { formatDateTime, formatNumber } from '../../../lib/format.ts';
import { JOB_STATUS_COLOR } from '../../../lib/job-status.ts';
import { useCancelExportJob } from '../api/cancel-export-job.ts';
import { exportJobFileUrl, useExportJobs } from '../api/get-export-jobs.ts';

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** The bar's value; null while running without a total (the bar then only shows that it runs). */
function percent(job: ExportJob): number | null {
  if (job.status === 'succeeded') return 100;
  if (job.status !== 'running' && job.status !== 'queued') return 0;
  if (job.total === null) return job.status === 'queued' ? 0 : null;
  return job.total === 0 ? 0 : Math.min(99, Math.floor((job.rows / job.total) * 100));
}

function ExportJobRow({ projectId, job, showStarter }: { projectId: string; job: ExportJob; showStarter: boolean }) {
  const value = percent(job);
  const cancel = useCancelExportJob(projectId);
  const underWay = job.status === 'queued' || job.status === 'running';
  const scope = [job.stage ? job.stage.name : 'All stages', job.round === null ? null : `round ${job.round}`].filter(Boolean).join(', ');
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={`${job.label}, ${job.status}`} data-testid="export-job">
      <Stack gap={6}>
        <Group justify="space-between" gap="xs" wrap="nowrap">
          <Group gap="xs" miw={0}>
            <Text fw={500} size="sm">
              {job.label}
            </Text>
            <Badge size="sm" variant="light" color={JOB_STATUS_COLOR[job.status]}>
              {job.status}
            </Badge>
            <Text size="xs" c="dimmed">
              {scope} · started {formatDateTime(job.createdAt)}
              {showStarter && job.createdBy ? ` by ${job.createdBy.name}` : ''}
            </Text>
          </Group>
          {job.downloadable ? (
            <Button
              component="a"
              href={exportJobFileUrl(projectId, job.id)}
              download
              size="xs"
              variant="light"
              leftSection={<IconDownload size={14} aria-hidden />}
              aria-label={`Download ${job.filename ?? job.label}`}
              style={{ flexShrink: 0 }}
            >
              Download
            </Button>
          ) : underWay ? (
            <Button
              size="xs"
              variant="subtle"
              color="red"
              leftSection={<IconPlayerStop size={14} aria-hidden />}
              loading={cancel.isPending}
              onClick={() => cancel.mutate(job.id)}
              aria-label={`Stop ${job.label}`}
              style={{ flexShrink: 0 }}
            >
              Stop
            </Button>
          ) : null}
        </Group>
        <Progress
          value={value ?? 100}
          striped={value === null}
          animated={job.status === 'running'}
          color={JOB_STATUS_COLOR[job.status]}
          size="md"
          aria-label={`${job.label}: ${value === null ? 'running' : `${value}%`}`}
        />
        <Text size="xs" c="dimmed">
          {formatNumber(job.rows)}
          {job.total === null ? '' : ` of ${formatNumber(job.total)}`} rows · {formatBytes(job.bytes)}
          {job.phase && job.status === 'running' ? ` · writing ${job.phase}` : ''}
          {job.filename ? ` · ${job.filename}` : ''}
          {job.status === 'succeeded' && job.expiresAt
            ? job.downloadable
              ? ` · kept until ${formatDateTime(job.expiresAt)}`
              : ' · the file has expired'
            : ''}
        </Text>
        {job.error ? (
          <Text size="sm" c="red">
            {job.error}
          </Text>
        ) : null}
        {cancel.error ? <ErrorAlert error={cancel.error} onClose={cancel.reset} /> : null}
      </Stack>
    </Paper>
  );
}

export function ExportJobsList({ projectId, showStarter }: { projectId: string; showStarter: boolean }) {
  const jobs = useExportJobs(projectId);
  return (
    <Box component="section" aria-labelledby="export-jobs-title">
      <Stack gap="xs">
        <Title order={2} size="h4" id="export-jobs-title">
          Background exports
        </Title>
        <Text size="sm" c="dimmed">
          Large exports run on the server while you do something else, and survive a reload; each file is kept until the date shown.
        </Text>
        {jobs.isPending ? (
          <Skeleton h={72} radius="md" />
        ) : jobs.isError ? (
          <ErrorAlert error={jobs.error} title="Could not load the background exports" />
        ) : jobs.data.jobs.length === 0 ? (
          <Text size="sm" c="dimmed">
            None yet: choose “Run as background job” on a format below.
          </Text>
        ) : (
          <Box
            component="ul"
            p={0}
            m={0}
            style={{ listStyle: 'none', display: 'flex', flexDirection: 'column', gap: 'var(--mantine-spacing-xs)' }}
          >
            {jobs.data.jobs.map((job) => (
              <ExportJobRow key={job.id} projectId={projectId} job={job} showStarter={showStarter} />
            ))}
          </Box>
        )}
      </Stack>
    </Box>
  );
}
