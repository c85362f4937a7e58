// The Review area. Leads and owners: per stage (tabs) the queue of issues where coders differ,
// filtered by round, status, code, coder pair and "flagged" (all kept in the URL), and the
// disagreement analytics. Coders: their calibration view of the closed rounds.
import { Link, useSearchParams } from 'react-router';
import { Button, Checkbox, Group, NativeSelect, Pagination, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconPlayerPlay } from '@tabler/icons-react';
import type { ReviewStatus, StageSummary } from '@concord/contracts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StageTabs } from '../../components/ui/stage-tabs.tsx';
import { useCodebook } from '../../features/codebooks/api/get-codebook.ts';
import { useReviewQueue } from '../../features/review/api/get-review-queue.ts';
import { CalibrationView } from '../../features/review/components/calibration-view.tsx';
import { ReviewAnalyticsView } from '../../features/review/components/review-analytics-view.tsx';
import { ReviewQueueTable } from '../../features/review/components/review-queue-table.tsx';
import { filtersFrom, searchOf } from '../../features/review/components/review-search.ts';
import { useCurrentProject } from '../layouts/project-layout.tsx';

const PAGE_SIZE = 100;

function StageQueue({ projectId, stage }: { projectId: string; stage: StageSummary }) {
  const [searchParams, setSearchParams] = useSearchParams();
  const filters = filtersFrom(searchParams);
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const queue = useReviewQueue(projectId, stage.id, { ...filters, page, pageSize: PAGE_SIZE });
  const codebook = useCodebook(projectId, stage.id);
  const codes = new Map((codebook.data?.codes ?? []).map((code) => [code.id, code]));
  const status = filters.status ?? 'pending';
  const search = searchOf(filters);
  const hrefOf = (issueId: string) => `/projects/${projectId}/review/${stage.id}/${issueId}${search}`;
  const queueHref = (extra: Record<string, string>) => {
    const params = new URLSearchParams(searchOf({ ...filtersFrom(new URLSearchParams(extra)), round: filters.round }));
    params.set('stage', stage.id);
    return `/projects/${projectId}/review?${params.toString()}`;
  };

  function setFilter(key: string, value: string | null) {
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      next.set('stage', stage.id);
      next.delete('page');
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }

  const rounds = queue.data ? [...new Set(queue.data.items.map((item) => item.round))] : [];
  const codeOptions = [
    { value: '', label: 'Any code' },
    ...(codebook.data?.codes ?? []).map((code) => ({ value: code.id, label: code.name })),
  ];
  const coderOptions = [
    { value: '', label: 'Any coder' },
    ...(queue.data?.coders ?? []).map((coder) => ({ value: coder.id, label: coder.name })),
  ];
  const first = queue.data?.items[0];

  return (
    <Stack gap="lg">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <SegmentedControl
          aria-label="Status"
          value={status}
          onChange={(value) => setFilter('status', value === 'pending' ? null : value)}
          data={(['pending', 'decided', 'agreed', 'all'] as ReviewStatus[]).map((value) => ({
            value,
            label: `${value === 'pending' ? 'To review' : value[0]!.toUpperCase() + value.slice(1)}${queue.data ? ` (${queue.data.counts[value]})` : ''}`,
          }))}
        />
        <NativeSelect
          label="Round"
          value={filters.round ? String(filters.round) : ''}
          onChange={(event) => setFilter('round', event.currentTarget.value || null)}
          data={[
            { value: '', label: 'All rounds' },
            ...[...new Set([...rounds, ...(filters.round ? [filters.round] : [])])]
              .sort()
              .map((r) => ({ value: String(r), label: `Round ${r}` })),
          ]}
        />
        <NativeSelect
          label="Code"
          value={filters.code ?? ''}
          onChange={(event) => setFilter('code', event.currentTarget.value || null)}
          data={codeOptions}
        />
        <NativeSelect
          label="Coder"
          value={filters.coderA ?? ''}
          onChange={(event) => setFilter('coderA', event.currentTarget.value || null)}
          data={coderOptions}
        />
        <NativeSelect
          label="differs from"
          value={filters.coderB ?? ''}
          onChange={(event) => setFilter('coderB', event.currentTarget.value || null)}
          data={coderOptions}
        />
        <Checkbox
          label="Flagged for discussion"
          checked={filters.flagged ?? false}
          onChange={(event) => setFilter('flagged', event.currentTarget.checked ? 'true' : null)}
          mb={8}
        />
        {filters.codeA && filters.codeB ? (
          <Button variant="subtle" size="xs" mb={4} onClick={() => setSearchParams({ stage: stage.id, status })}>
            Clear the code pair ({codes.get(filters.codeA)?.name} ↔ {codes.get(filters.codeB)?.name})
          </Button>
        ) : null}
      </Group>

      {queue.isPending ? (
        <Skeleton h={240} aria-label="Loading the review queue" />
      ) : queue.isError ? (
        <ErrorAlert error={queue.error} title="Could not load the review queue" />
      ) : queue.data.items.length === 0 ? (
        <Text c="dimmed">
          {status === 'pending' ? 'Nothing to review here: every issue has its final label.' : 'No issue matches these filters.'}
        </Text>
      ) : (
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dimmed">
              {queue.data.total} issue{queue.data.total === 1 ? '' : 's'}
            </Text>
            {first ? (
              <Button component={Link} to={hrefOf(first.issueId)} leftSection={<IconPlayerPlay size={16} aria-hidden />}>
                Start reviewing
              </Button>
            ) : null}
          </Group>
          <ReviewQueueTable queue={queue.data} codes={codes} hrefOf={hrefOf} />
          {queue.data.total > PAGE_SIZE ? (
            <Pagination
              total={Math.ceil(queue.data.total / PAGE_SIZE)}
              value={page}
              onChange={(next) => setFilter('page', String(next))}
              aria-label="Queue pages"
            />
          ) : null}
        </Stack>
      )}
      <ReviewAnalyticsView projectId={projectId} stageId={stage.id} round={filters.round ?? null} queueHref={queueHref} />
    </Stack>
  );
}

export function ReviewPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Review · ${project.name} · Concord`);
  const [searchParams, setSearchParams] = useSearchParams();
  const stages = [...project.stages].sort((a, b) => a.position - b.position);
  const stage = stages.find((entry) => entry.id === searchParams.get('stage')) ?? stages[0];
  const lead = project.role !== 'coder';

  return (
    <>
      <PageHeader
        title="Review"
        description={
          lead
            ? 'Adjudicate the issues where coders differ: each decision becomes the final label, with its rationale and history. Issues on which every coder agreed were finalised when the round closed.'
            : 'Calibration: in the closed rounds, where your codes differed from another coder’s or from the final decision, with the discussion.'
        }
      />
      <StageTabs
        stages={stages}
        selected={stage}
        onSelect={(stageId) => setSearchParams({ stage: stageId })}
        noStages="Review happens per stage, and this project has no stages yet."
      >
        {(entry) =>
          lead ? <StageQueue projectId={project.id} stage={entry} /> : <CalibrationView projectId={project.id} stageId={entry.id} />
        }
      </StageTabs>
    </>
  );
}
