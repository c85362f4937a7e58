// The issue filter kept in the URL (repo, state, label, from, to, kind, changed, set, q, page), so
// a view can be shared and survives a reload; lists repeat their parameter.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import type { IssueFilter } from '@concord/contracts';

const STATES = new Set(['OPEN', 'CLOSED', 'MERGED']);
const KINDS = new Set(['all', 'issues', 'pullRequests']);

export function filterFromParams(params: URLSearchParams): IssueFilter {
  const kind = params.get('kind');
  const filter: IssueFilter = {};
  const repository = params.getAll('repo');
  const state = params.getAll('state').filter((s) => STATES.has(s)) as NonNullable<IssueFilter['state']>;
  const labels = params.getAll('label');
  if (repository.length) filter.repository = repository;
  if (state.length) filter.state = state;
  if (labels.length) filter.labels = labels;
  if (params.get('from')) filter.createdFrom = params.get('from')!;
  if (params.get('to')) filter.createdTo = params.get('to')!;
  if (kind && KINDS.has(kind) && kind !== 'all') filter.kind = kind as IssueFilter['kind'];
  if (params.get('changed') === '1') filter.changedSinceCoded = true;
  if (params.get('set')) filter.setId = params.get('set')!;
  if (params.get('q')?.trim()) filter.search = params.get('q')!;
  return filter;
}

function writeFilter(filter: IssueFilter): URLSearchParams {
  const next = new URLSearchParams();
  if (filter.search?.trim()) next.set('q', filter.search);
  for (const repository of filter.repository ?? []) next.append('repo', repository);
  for (const state of filter.state ?? []) next.append('state', state);
  for (const label of filter.labels ?? []) next.append('label', label);
  if (filter.createdFrom) next.set('from', filter.createdFrom);
  if (filter.createdTo) next.set('to', filter.createdTo);
  if (filter.kind && filter.kind !== 'all') next.set('kind', filter.kind);
  if (filter.changedSinceCoded) next.set('changed', '1');
  if (filter.setId) next.set('set', filter.setId);
  return next;
}

export function useIssueFilter() {
  const [searchParams, setSearchParams] = useSearchParams();
  const key = searchParams.toString();
  // eslint-disable-next-line react-hooks/exhaustive-deps -- the string is the identity of the params
  const filter = useMemo(() => filterFromParams(searchParams), [key]);
  const page = Math.max(1, Number.parseInt(searchParams.get('page') ?? '1', 10) || 1);

  /** Replaces the filter, search included (the page goes back to 1). */
  const setFilter = useCallback((next: IssueFilter) => setSearchParams(writeFilter(next), { replace: true }), [setSearchParams]);
  const setPage = useCallback(
    (nextPage: number) =>
      setSearchParams((params) => {
        const next = new URLSearchParams(params);
        if (nextPage > 1) next.set('page', String(nextPage));
        else next.delete('page');
        return next;
      }),
    [setSearchParams],
  );
  return { filter, page, setFilter, setPage };
}
