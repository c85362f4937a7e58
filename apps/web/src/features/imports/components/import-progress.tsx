// One import's progress: a bar per repository (issues fetched of total, comments, points spent,
// ETA), the rate limit left, a visible wait for its reset, each failed repository's reason, and
// (for leads and owners) a way to stop it.
import { Alert, Badge, Group, Progress, Stack, Text } from '@mantine/core';
import { IconClockPause } from '@tabler/icons-react';
import type { ImportJob, RepositoryProgress } from '@concord/contracts';
import { formatDateTime, formatNumber, plural } from '../../../lib/format.ts';
import { JOB_STATUS_COLOR } from '../../../lib/job-status.ts';
import { isActive } from '../api/get-imports.ts';
import { StopImportButton } from './stop-import-button.tsx';

const STATUS_COLOR: Record<RepositoryProgress['status'], string> = {
  queued: 'gray',
  running: 'blue',
  done: 'teal',
  failed: 'red',
  cancelled: 'gray',
};

function percent(repository: RepositoryProgress): number {
  if (repository.status === 'done') return 100;
  if (!repository.total) return 0;
  return Math.min(100, Math.floor((repository.fetched / repository.total) * 100));
}

function eta(seconds: number | null): string {
  if (seconds === null) return '';
  if (seconds < 60) return `about ${seconds} s left`;
  return `about ${Math.round(seconds / 60)} min left`;
}

export function ImportProgress({ projectId, job, canStop }: { projectId: string; job: ImportJob; canStop: boolean }) {
  return (
    <Stack gap="md" data-testid="import-progress">
      <Group gap="xs">
        <Text size="sm" fw={500}>
          Import started {formatDateTime(job.createdAt)}
        </Text>
        <Badge variant="light" color={JOB_STATUS_COLOR[job.status]}>
          {job.status}
        </Badge>
        {job.includePullRequests ? <Badge variant="default">with pull requests</Badge> : null}
        {job.rateLimit ? (
          <Text size="xs" c="dimmed">
            GitHub rate limit: {formatNumber(job.rateLimit.remaining)} points left, resets {formatDateTime(job.rateLimit.resetAt)}
          </Text>
        ) : null}
        {canStop && isActive(job) ? <StopImportButton projectId={projectId} jobId={job.id} /> : null}
      </Group>
      {job.waitingUntil ? (
        <Alert color="yellow" icon={<IconClockPause />} title="Waiting for GitHub’s rate limit">
          The import pauses until {formatDateTime(job.waitingUntil)}, when GitHub resets the limit, then continues by itself.
        </Alert>
      ) : null}
      {job.error ? (
        <Alert color="red" title="The import failed">
          {job.error}
        </Alert>
      ) : null}
      {job.repositories.map((repository) => {
        const value = percent(repository);
        return (
          <Stack key={repository.repositoryId} gap={4}>
            <Group justify="space-between" gap="xs">
              <Group gap="xs">
                <Text size="sm" ff="monospace">
                  {repository.fullName}
                </Text>
                <Badge size="sm" variant="light" color={STATUS_COLOR[repository.status]}>
                  {repository.status}
                </Badge>
                {repository.since ? (
                  <Text size="xs" c="dimmed">
                    changes since {formatDateTime(repository.since)}
                  </Text>
                ) : null}
              </Group>
              <Text size="xs" c="dimmed">
                {formatNumber(repository.fetched)} of {repository.total === null ? '…' : formatNumber(repository.total)} issues ·{' '}
                {plural(repository.comments, 'comment')} · {plural(repository.points, 'point')} {eta(repository.etaSeconds)}
              </Text>
            </Group>
            <Progress
              value={value}
              color={STATUS_COLOR[repository.status]}
              animated={repository.status === 'running'}
              aria-label={`${repository.fullName}: ${value}%`}
              size="lg"
            />
            {repository.status === 'done' && (repository.created || repository.updated) ? (
              <Text size="xs" c="dimmed">
                {plural(repository.created, 'new issue')}, {plural(repository.updated, 'updated issue')}
                {repository.changed ? `, ${plural(repository.changed, 'issue')} with changed text` : ''}
              </Text>
            ) : null}
            {repository.error ? (
              <Text size="sm" c="red">
                {repository.error}
              </Text>
            ) : repository.lastRetry && repository.status === 'running' ? (
              <Text size="xs" c="dimmed">
                Retrying: {repository.lastRetry}
              </Text>
            ) : null}
          </Stack>
        );
      })}
    </Stack>
  );
}
