// The Export area: every file the API's format registry offers this member, for one stage or all
// of them (kept in the URL as ?stage=), each a plain download link the browser streams or a
// background job whose stored file is downloaded when done (listed with live progress).
import { useSearchParams } from 'react-router';
import { Alert, NativeSelect, Skeleton, Stack } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { IconInfoCircle } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useExportFormats } from '../../features/exports/api/get-export-formats.ts';
import { ExportFormatCard } from '../../features/exports/components/export-format-card.tsx';
import { ExportJobsList } from '../../features/exports/components/export-jobs-list.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

export function ExportPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Export · ${project.name} · Concord`);
  const formats = useExportFormats(project.id);
  const [searchParams, setSearchParams] = useSearchParams();
  const stages = [...project.stages].sort((a, b) => a.position - b.position);
  const stageId = stages.find((stage) => stage.id === searchParams.get('stage'))?.id ?? null;

  function selectStage(value: string) {
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      if (value) next.set('stage', value);
      else next.delete('stage');
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Export"
        description="The coded dataset as files for R, pandas and QDA tools (NVivo, ATLAS.ti, MAXQDA via REFI-QDA). Each file says what it holds in its first line, first record or README."
      />
      <Stack gap="md">
        <NativeSelect
          label="Stage"
          description="Files about one stage need one; the others hold every stage when none is chosen."
          w={{ base: '100%', sm: 360 }}
          data={[{ value: '', label: 'All stages' }, ...stages.map((stage) => ({ value: stage.id, label: stage.name }))]}
          value={stageId ?? ''}
          onChange={(event) => selectStage(event.currentTarget.value)}
        />
        {project.role === 'coder' ? (
          <Alert variant="light" color="blue" icon={<IconInfoCircle aria-hidden />} title="Your own codings only">
            As a coder you export your own codings; the files with every coder&apos;s work and the final labels are for leads and owners.
          </Alert>
        ) : null}
        <ExportJobsList projectId={project.id} showStarter={project.role !== 'coder'} />
        {formats.isPending ? (
          <Stack gap="sm" aria-busy="true" aria-label="Loading the export formats">
            <Skeleton h={88} radius="md" />
            <Skeleton h={88} radius="md" />
            <Skeleton h={88} radius="md" />
          </Stack>
        ) : formats.isError ? (
          <ErrorAlert error={formats.error} title="Could not load the export formats" />
        ) : (
          <Stack gap="sm">
            {formats.data.formats.map((format) => (
              <ExportFormatCard key={format.name} projectId={project.id} format={format} stageId={stageId} />
            ))}
          </Stack>
        )}
      </Stack>
    </>
  );
}
