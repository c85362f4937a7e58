// The Dataset area: the project's issues with their final label in each stage, searchable and
// filterable by stage and code, paged.
import { useSearchParams } from 'react-router';
import { Group, NativeSelect, Pagination, Skeleton, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { useCodebook } from '../../features/codebooks/api/get-codebook.ts';
import { useDataset } from '../../features/review/api/get-dataset.ts';
import { DatasetTable } from '../../features/review/components/dataset-table.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

const PAGE_SIZE = 50;

export function DatasetPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Dataset · ${project.name} · Concord`);
  const [searchParams, setSearchParams] = useSearchParams();
  const [search, setSearch] = useState(searchParams.get('search') ?? '');
  const [debounced] = useDebouncedValue(search.trim(), 300);
  const stageId = searchParams.get('stage') ?? '';
  const code = searchParams.get('code') ?? '';
  const labelled = searchParams.get('labelled');
  const page = Math.max(1, Number(searchParams.get('page')) || 1);
  const codebook = useCodebook(project.id, stageId || null);
  const dataset = useDataset(project.id, {
    page,
    pageSize: PAGE_SIZE,
    search: debounced || undefined,
    stageId: stageId || undefined,
    code: code || undefined,
    labelled: labelled === null ? undefined : labelled === 'true',
  });

  function set(key: string, value: string | null) {
    setSearchParams((params) => {
      const next = new URLSearchParams(params);
      if (key !== 'page') next.delete('page');
      if (key === 'stage') next.delete('code');
      if (value) next.set(key, value);
      else next.delete(key);
      return next;
    });
  }

  return (
    <>
      <PageHeader
        title="Dataset"
        description="Every issue with its final label in each stage: agreed by all coders, or decided by a lead in review."
      />
      <Stack gap="md">
        <Group gap="sm" align="flex-end" wrap="wrap">
          <TextInput
            label="Search"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search}
            onChange={(event) => setSearch(event.currentTarget.value)}
            w={{ base: '100%', sm: 260 }}
          />
          <NativeSelect
            label="Stage"
            value={stageId}
            onChange={(event) => set('stage', event.currentTarget.value || null)}
            data={[{ value: '', label: 'Any stage' }, ...project.stages.map((s) => ({ value: s.id, label: s.name }))]}
          />
          <NativeSelect
            label="Code"
            disabled={!stageId}
            value={code}
            onChange={(event) => set('code', event.currentTarget.value || null)}
            data={[{ value: '', label: 'Any code' }, ...(codebook.data?.codes ?? []).map((c) => ({ value: c.id, label: c.name }))]}
          />
          <NativeSelect
            label="Final label"
            value={labelled ?? ''}
            onChange={(event) => set('labelled', event.currentTarget.value || null)}
            data={[
              { value: '', label: 'With or without' },
              { value: 'true', label: 'With a final label' },
              { value: 'false', label: 'Without' },
            ]}
          />
        </Group>
        {dataset.isPending ? (
          <Skeleton h={240} aria-label="Loading the dataset" />
        ) : dataset.isError ? (
          <ErrorAlert error={dataset.error} title="Could not load the dataset" />
        ) : (
          <>
            <Text size="sm" c="dimmed">
              {dataset.data.total} issue{dataset.data.total === 1 ? '' : 's'}
            </Text>
            <DatasetTable page={dataset.data} />
            {dataset.data.total > PAGE_SIZE ? (
              <Pagination total={Math.ceil(dataset.data.total / PAGE_SIZE)} value={page} onChange={(next) => set('page', String(next))} />
            ) : null}
          </>
        )}
      </Stack>
    </>
  );
}
