// A project's imported issues: searchable (title and body), paginated, with the page and the
// search kept in the URL so that a view can be shared and survives a reload.
import { useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { Card, Center, Group, Loader, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconFileOff, IconSearch } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { plural } from '../../lib/format.ts';
import { useIssues } from '../../features/issues/api/get-issues.ts';
import { IssuesTable } from '../../features/issues/components/issues-table.tsx';
import { useCurrentProject } from '../layouts/project-layout.tsx';

const PAGE_SIZE = 25;

export function IssuesPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Issues · ${project.name} · Concord`);
  const [searchParams, setSearchParams] = useSearchParams();
  const search = searchParams.get('q') ?? '';
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);

  const [draft, setDraft] = useState(search);
  const [debounced] = useDebouncedValue(draft, 300);
  // What this page itself last wrote to the URL, to tell it apart from back / forward.
  const writtenRef = useRef(search);

  // Typed text reaches the URL once typing pauses; it replaces the history entry instead of adding
  // one per keystroke. Only a change of the typed text triggers this, never a change of the URL.
  // The updater reads the URL as it is now, so a back / forward in between is not overwritten.
  useEffect(() => {
    setSearchParams(
      (params) => {
        if (debounced.trim() === (params.get('q') ?? '').trim()) return params;
        writtenRef.current = debounced.trim() ? debounced : '';
        const nextParams = new URLSearchParams(params);
        if (debounced.trim()) nextParams.set('q', debounced);
        else nextParams.delete('q');
        nextParams.delete('page');
        return nextParams;
      },
      { replace: true },
    );
  }, [debounced, setSearchParams]);

  // The URL changed by itself (back / forward, a shared link): show its search in the field.
  useEffect(() => {
    if (search === writtenRef.current) return;
    writtenRef.current = search;
    setDraft(search);
  }, [search]);

  const issues = useIssues(project.id, { page, pageSize: PAGE_SIZE, search });
  const totalPages = issues.data ? Math.max(1, Math.ceil(issues.data.total / PAGE_SIZE)) : 1;

  function goToPage(nextPage: number) {
    setSearchParams((params) => {
      const nextParams = new URLSearchParams(params);
      if (nextPage > 1) nextParams.set('page', String(nextPage));
      else nextParams.delete('page');
      return nextParams;
    });
    window.scrollTo({ top: 0 });
  }

  const first = issues.data ? (issues.data.page - 1) * issues.data.pageSize + 1 : 0;
  const last = issues.data ? first + issues.data.items.length - 1 : 0;

  return (
    <>
      <PageHeader title="Issues" description={`The issues imported into this project, as they were on GitHub when imported.`} />
      <Stack gap="md">
        <Group justify="space-between" align="flex-end" wrap="wrap" gap="sm">
          <TextInput
            label="Search issues"
            placeholder="Words in the title or body"
            type="search"
            leftSection={<IconSearch size={16} aria-hidden />}
            rightSection={issues.isFetching && !issues.isPending ? <Loader size="xs" aria-label="Searching" /> : null}
            value={draft}
            onChange={(event) => setDraft(event.currentTarget.value)}
            w={{ base: '100%', sm: 380 }}
          />
          <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="issues-count">
            {issues.data
              ? issues.data.total === 0
                ? 'No issues'
                : `${first}–${last} of ${plural(issues.data.total, 'issue')}${search ? ` matching “${search}”` : ''}`
              : ''}
          </Text>
        </Group>

        {issues.isPending ? (
          <Center py="xl">
            <Loader aria-label="Loading issues" />
          </Center>
        ) : issues.isError ? (
          <ErrorAlert error={issues.error} title="Could not load the issues" />
        ) : issues.data.total === 0 ? (
          <StatusMessage order={2} icon={<IconFileOff />} title={search ? 'No matching issues' : 'No issues yet'}>
            {search
              ? 'No issue title or body contains this text. Try other words.'
              : 'This project has no imported issues yet. Importing from GitHub is not built yet in the web app.'}
          </StatusMessage>
        ) : (
          <Card withBorder radius="md" p={0}>
            <IssuesTable issues={issues.data.items} caption="Issues" />
          </Card>
        )}

        {issues.data && totalPages > 1 ? (
          <Group justify="center">
            <Pagination
              total={totalPages}
              value={Math.min(page, totalPages)}
              onChange={goToPage}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            />
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
