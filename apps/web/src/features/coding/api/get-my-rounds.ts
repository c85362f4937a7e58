// My open rounds in a project, with my progress and where to resume: the Coding area's landing.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyRound } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { codingKeys } from './keys.ts';

export const getMyRounds = (projectId: string, signal?: AbortSignal) =>
  api.get<MyRound[]>(`/projects/${encodeURIComponent(projectId)}/coding/rounds`, { signal });

export const myRoundsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: codingKeys.myRounds(projectId),
    queryFn: ({ signal }) => getMyRounds(projectId, signal),
    // Progress moves with every submit (also from other tabs): always ask again on arrival.
    staleTime: 0,
  });

export const useMyRounds = (projectId: string) => useQuery(myRoundsQueryOptions(projectId));
