// One of my assignments: the issue with its comments, the stage's codebook, my own coding (or
// null) and my previous / next assignment. Anyone but the assignee gets 403 NOT_ASSIGNED.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { AssignmentDetail } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { codingKeys } from './keys.ts';

export const getAssignment = (projectId: string, assignmentId: string, signal?: AbortSignal) =>
  api.get<AssignmentDetail>(`/projects/${encodeURIComponent(projectId)}/assignments/${encodeURIComponent(assignmentId)}`, { signal });

export const assignmentQueryOptions = (projectId: string, assignmentId: string) =>
  queryOptions({
    queryKey: codingKeys.assignment(projectId, assignmentId),
    queryFn: ({ signal }) => getAssignment(projectId, assignmentId, signal),
    // A prefetched next issue must still be there after a long read of the current one.
    gcTime: 30 * 60_000,
  });

export const useAssignment = (projectId: string, assignmentId: string) => useQuery(assignmentQueryOptions(projectId, assignmentId));
