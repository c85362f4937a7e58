// Recent GitHub imports with their progress. While one is queued or running the list is polled:
// progress lives in the database, so the bars are right after a reload and from any API process.
import { queryOptions, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useRef } from 'react';
import type { ImportJob } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';
import { importKeys, projectPath } from './keys.ts';

export const POLL_MS = 1000;

export const getImports = (projectId: string, signal?: AbortSignal) =>
  api.get<ImportJob[]>(`${projectPath(projectId)}/imports`, { signal });

export const isActive = (job: ImportJob) => job.status === 'queued' || job.status === 'running';

export const importsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: importKeys.list(projectId),
    queryFn: ({ signal }) => getImports(projectId, signal),
    refetchInterval: (query) => (query.state.data?.some(isActive) ? POLL_MS : false),
  });

export function useImports(projectId: string) {
  const query = useQuery(importsQueryOptions(projectId));
  const queryClient = useQueryClient();
  const active = query.data?.some(isActive) ?? false;
  const wasActive = useRef(active);
  // When an import ends, what depends on issues (counts, lists, repositories) is stale.
  useEffect(() => {
    if (wasActive.current && !active) void queryClient.invalidateQueries({ queryKey: projectScope(projectId) });
    wasActive.current = active;
  }, [active, projectId, queryClient]);
  return query;
}
