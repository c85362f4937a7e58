// The filters of the issue list: repositories, states, labels (all of them), creation dates,
// issues or pull requests, "changed since coded", and a saved issue set.
import { Button, Checkbox, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import type { IssueFacets, IssueFilter, IssueSet } from '@concord/contracts';

interface IssueFiltersProps {
  filter: IssueFilter;
  facets: IssueFacets | undefined;
  sets: IssueSet[] | undefined;
  onChange: (filter: IssueFilter) => void;
}

const STATES = [
  { value: 'OPEN', label: 'Open' },
  { value: 'CLOSED', label: 'Closed' },
  { value: 'MERGED', label: 'Merged' },
];

export function IssueFilters({ filter, facets, sets, onChange }: IssueFiltersProps) {
  const set = (patch: Partial<IssueFilter>) => {
    const next: IssueFilter = { ...filter, ...patch };
    for (const key of Object.keys(patch) as (keyof IssueFilter)[]) {
      const value = next[key];
      if (value === undefined || value === '' || value === false || (Array.isArray(value) && value.length === 0)) delete next[key];
    }
    onChange(next);
  };
  const active = Object.keys(filter).some((key) => key !== 'search');

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <MultiSelect
        label="Repositories"
        placeholder={filter.repository?.length ? undefined : 'All'}
        data={facets?.repositories ?? []}
        value={filter.repository ?? []}
        onChange={(repository) => set({ repository })}
        searchable
        clearable
        w={240}
      />
      <MultiSelect
        label="State"
        placeholder={filter.state?.length ? undefined : 'Any'}
        data={STATES}
        value={filter.state ?? []}
        onChange={(state) => set({ state: state as IssueFilter['state'] })}
        w={180}
      />
      <MultiSelect
        label="Labels (all of)"
        placeholder={filter.labels?.length ? undefined : 'Any'}
        data={(facets?.labels ?? []).map((label) => ({ value: label.name, label: `${label.name} (${label.issues})` }))}
        value={filter.labels ?? []}
        onChange={(labels) => set({ labels })}
        searchable
        clearable
        w={220}
      />
      <TextInput
        label="Created from"
        type="date"
        value={filter.createdFrom ?? ''}
        onChange={(e) => set({ createdFrom: e.currentTarget.value })}
        w={160}
      />
      <TextInput
        label="Created to"
        type="date"
        value={filter.createdTo ?? ''}
        onChange={(e) => set({ createdTo: e.currentTarget.value })}
        w={160}
      />
      <Select
        label="Kind"
        data={[
          { value: 'all', label: 'Issues and pull requests' },
          { value: 'issues', label: 'Issues' },
          { value: 'pullRequests', label: 'Pull requests' },
        ]}
        value={filter.kind ?? 'all'}
        onChange={(kind) => set({ kind: (kind ?? 'all') === 'all' ? undefined : (kind as IssueFilter['kind']) })}
        allowDeselect={false}
        w={210}
      />
      <Select
        label="Issue set"
        placeholder="None"
        data={(sets ?? []).map((s) => ({ value: s.id, label: `${s.name} (${s.issues})` }))}
        value={filter.setId ?? null}
        onChange={(setId) => set({ setId: setId ?? undefined })}
        clearable
        w={220}
      />
      <Checkbox
        label="Changed since coded"
        checked={filter.changedSinceCoded ?? false}
        onChange={(e) => set({ changedSinceCoded: e.currentTarget.checked })}
        mb={8}
      />
      {active ? (
        <Button variant="subtle" onClick={() => onChange(filter.search ? { search: filter.search } : {})} mb={2}>
          Clear filters
        </Button>
      ) : null}
    </Group>
  );
}
