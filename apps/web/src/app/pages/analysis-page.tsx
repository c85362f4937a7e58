// The analysis of a project, one stage at a time (tabs), from the final labels or every coder's
// raw codings (toggle); both kept in the URL (?stage=, ?source=) so a view can be shared, with
// downloads of the results and of paper-ready tables.
import { useSearchParams } from 'react-router';
import { Button, Group, Menu, SegmentedControl, Skeleton, Stack, Text } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconChartBar, IconChevronDown, IconDownload, IconEyeOff } from '@tabler/icons-react';
import type { AnalysisSource, StageSummary } from '@concord/contracts';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { StageTabs } from '../../components/ui/stage-tabs.tsx';
import { isApiError } from '../../lib/api-client.ts';
import { analysisDownloads, useAnalysis } from '../../features/analysis/api/get-analysis.ts';
import { AnalysisView } from '../../features/analysis/components/analysis-view.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

const parseSource = (value: string | null): AnalysisSource => (value === 'codings' ? 'codings' : 'final');

function Downloads({ projectId, stageId, source }: { projectId: string; stageId: string; source: AnalysisSource }) {
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <Button
          variant="light"
          leftSection={<IconDownload size={16} aria-hidden />}
          rightSection={<IconChevronDown size={14} aria-hidden />}
        >
          Download
        </Button>
      </Menu.Target>
      <Menu.Dropdown>
        {analysisDownloads(projectId, stageId, source).map((download) => (
          <Menu.Item key={download.href} component="a" href={download.href} download>
            {download.label}
          </Menu.Item>
        ))}
      </Menu.Dropdown>
    </Menu>
  );
}

function StageAnalysis({
  projectId,
  stage,
  source,
  onSource,
}: {
  projectId: string;
  stage: StageSummary;
  source: AnalysisSource;
  onSource: (source: AnalysisSource) => void;
}) {
  const analysis = useAnalysis(projectId, stage.id, source);
  return (
    <Stack gap="lg">
      <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label="Source"
          value={source}
          onChange={(value) => onSource(parseSource(value))}
          data={[
            { value: 'final', label: 'Final labels' },
            { value: 'codings', label: 'Raw codings per coder' },
          ]}
        />
        <Downloads projectId={projectId} stageId={stage.id} source={source} />
      </Group>
      {analysis.isPending ? (
        <Stack gap="lg" aria-busy="true" aria-label="Loading the analysis">
          <Skeleton h={60} radius="md" />
          <Skeleton h={320} radius="md" />
          <Skeleton h={260} radius="md" />
        </Stack>
      ) : isApiError(analysis.error, 403) ? (
        <StatusMessage order={2} icon={<IconEyeOff />} title="Raw codings are shown to coders once a round is closed" color="orange">
          <Text>
            Coding is blind: while every round of this stage is still open, seeing how the others coded would sway your own decisions.
          </Text>
        </StatusMessage>
      ) : analysis.isError ? (
        <ErrorAlert error={analysis.error} title="Could not load the analysis" />
      ) : analysis.data.totals.issues === 0 ? (
        <StatusMessage
          order={2}
          icon={<IconChartBar />}
          title={source === 'final' ? 'No final labels in this stage yet' : 'No submitted codings in this stage yet'}
          color="gray"
          actions={
            source === 'final' ? (
              <Button variant="light" onClick={() => onSource('codings')}>
                Show the raw codings
              </Button>
            ) : null
          }
        >
          <Text>
            {source === 'final'
              ? 'Final labels come from review: agreed codings and adjudicated disagreements. Until then, the raw codings show each coder’s decisions.'
              : 'Counts appear here once coders submit codings in this stage.'}
          </Text>
        </StatusMessage>
      ) : (
        <AnalysisView key={`${stage.id}:${source}`} analysis={analysis.data} />
      )}
    </Stack>
  );
}

export function AnalysisPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Analysis · ${project.name} · Concord`);
  const [searchParams, setSearchParams] = useSearchParams();
  const stages = [...project.stages].sort((a, b) => a.position - b.position);
  const stage = stages.find((entry) => entry.id === searchParams.get('stage')) ?? stages[0];
  const source = parseSource(searchParams.get('source'));

  function update(changes: Record<string, string | null>) {
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Analysis"
        description="Category counts and resolution time per category, with the statistical tests to compare them and the agreement to report; computed on the server."
      />
      <StageTabs
        stages={stages}
        selected={stage}
        onSelect={(stageId) => update({ stage: stageId })}
        noStages="Analysis is per stage, and this project has no stages yet."
      >
        {(entry) => (
          <StageAnalysis
            projectId={project.id}
            stage={entry}
            source={source}
            onSource={(next) => update({ stage: entry.id, source: next === 'final' ? null : next })}
          />
        )}
      </StageTabs>
    </>
  );
}
