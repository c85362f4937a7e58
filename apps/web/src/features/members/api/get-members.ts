// The members of a project with their roles; owners only, everyone else gets 403.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Member } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { memberKeys } from './keys.ts';

export const getMembers = (projectId: string, signal?: AbortSignal) =>
  api.get<Member[]>(`/projects/${encodeURIComponent(projectId)}/members`, { signal });

export const membersQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: memberKeys.list(projectId),
    queryFn: ({ signal }) => getMembers(projectId, signal),
  });

export const useMembers = (projectId: string) => useQuery(membersQueryOptions(projectId));
