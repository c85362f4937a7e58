// A project's imported issues: filtered (repository, state, labels, dates, kind, set, changed
// since coded), searched over title, body and comments with the matches highlighted, paginated;
// the filter lives in the URL. Leads and owners save the result, or a seeded sample, as an issue set.
import { useEffect, useRef, useState } from 'react';
import { Accordion, Card, Center, Group, Loader, Pagination, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue, useDocumentTitle } from '@mantine/hooks';
import { IconFileOff, IconSearch } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ui/error-alert.tsx';
import { PageHeader } from '../../components/ui/page-header.tsx';
import { StatusMessage } from '../../components/ui/status-message.tsx';
import { plural } from '../../lib/format.ts';
import { useIssues } from '../../features/issues/api/get-issues.ts';
import { useIssueFacets } from '../../features/issues/api/get-issue-facets.ts';
import { useIssueSets } from '../../features/issue-sets/api/get-issue-sets.ts';
import { IssueFilters } from '../../features/issues/components/issue-filters.tsx';
import { IssuesTable } from '../../features/issues/components/issues-table.tsx';
import { SamplePanel } from '../../features/issues/components/sample-panel.tsx';
import { useIssueFilter } from '../../features/issues/components/use-issue-filter.ts';
import { useCurrentProject } from '../layouts/project-layout.tsx';

const PAGE_SIZE = 25;

export function IssuesPage() {
  const project = useCurrentProject();
  useDocumentTitle(`Issues · ${project.name} · Concord`);
  const { filter, page, setFilter, setPage } = useIssueFilter();
  const search = filter.search ?? '';
  const facets = useIssueFacets(project.id);
  const sets = useIssueSets(project.id);
  const canSave = project.role === 'owner' || project.role === 'lead';

  const [draft, setDraft] = useState(search);
  const [debounced] = useDebouncedValue(draft, 300);
  // What this page itself last wrote to the URL, to tell it apart from back / forward.
  const writtenRef = useRef(search);

  // Typed text reaches the URL once typing pauses (replacing the history entry, not one per key).
  useEffect(() => {
    if (debounced.trim() === search.trim()) return;
    writtenRef.current = debounced.trim() ? debounced : '';
    const next = { ...filter };
    if (debounced.trim()) next.search = debounced;
    else delete next.search;
    setFilter(next);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of the typed text writes the URL
  }, [debounced]);

  // The URL changed by itself (back / forward, a shared link): show its search in the field.
  useEffect(() => {
    if (search === writtenRef.current) return;
    writtenRef.current = search;
    setDraft(search);
  }, [search]);

  const issues = useIssues(project.id, { ...filter, page, pageSize: PAGE_SIZE });
  const totalPages = issues.data ? Math.max(1, Math.ceil(issues.data.total / PAGE_SIZE)) : 1;
  const first = issues.data ? (issues.data.page - 1) * issues.data.pageSize + 1 : 0;
  const last = issues.data ? first + issues.data.items.length - 1 : 0;
  const filtered = Object.keys(filter).length > 0;

  return (
    <>
      <PageHeader title="Issues" description="The issues imported into this project, as they were on GitHub when imported." />
      <Stack gap="md">
        <TextInput
          label="Search issues"
          description="Words in the title, body or comments; “a phrase”, -word and or work as on the web."
          placeholder="e.g. tokenizer crash"
          type="search"
          leftSection={<IconSearch size={16} aria-hidden />}
          rightSection={issues.isFetching && !issues.isPending ? <Loader size="xs" aria-label="Searching" /> : null}
          value={draft}
          onChange={(event) => setDraft(event.currentTarget.value)}
          w={{ base: '100%', sm: 480 }}
        />
        <IssueFilters filter={filter} facets={facets.data} sets={sets.data} onChange={setFilter} />
        <Group justify="space-between">
          <Text size="sm" c="dimmed" role="status" aria-live="polite" data-testid="issues-count">
            {issues.data
              ? issues.data.total === 0
                ? 'No issues'
                : `${first}–${last} of ${plural(issues.data.total, 'issue')}${search ? ` matching “${search}”` : ''}`
              : ''}
          </Text>
        </Group>

        {canSave && issues.data && issues.data.total > 0 ? (
          <Accordion variant="contained" radius="md">
            <Accordion.Item value="sample">
              <Accordion.Control>Save as an issue set (all or a random sample)</Accordion.Control>
              <Accordion.Panel>
                <SamplePanel
                  projectId={project.id}
                  filter={filter}
                  population={issues.data.total}
                  onSaved={(set) => {
                    setDraft('');
                    writtenRef.current = '';
                    setFilter({ setId: set.id });
                  }}
                />
              </Accordion.Panel>
            </Accordion.Item>
          </Accordion>
        ) : null}

        {issues.isPending ? (
          <Center py="xl">
            <Loader aria-label="Loading issues" />
          </Center>
        ) : issues.isError ? (
          <ErrorAlert error={issues.error} title="Could not load the issues" />
        ) : issues.data.total === 0 ? (
          <StatusMessage order={2} icon={<IconFileOff />} title={filtered ? 'No matching issues' : 'No issues yet'}>
            {filtered
              ? 'No issue matches this search and these filters. Try other words or fewer filters.'
              : 'This project has no issues yet: import them on the Import page.'}
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
              onChange={(next) => {
                setPage(next);
                window.scrollTo({ top: 0 });
              }}
              getControlProps={(control) => ({ 'aria-label': `${control} page` })}
              getItemProps={(item) => ({ 'aria-label': `Page ${item}` })}
            />
          </Group>
        ) : null}
      </Stack>
    </>
  );
}
