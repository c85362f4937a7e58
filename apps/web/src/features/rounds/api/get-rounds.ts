// The rounds of one stage in order, with their design and progress; a coder's progress counts
// only their own assignments (coding is blind).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Round } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { roundKeys, stageRoundsPath } from './keys.ts';

export const getRounds = (projectId: string, stageId: string, signal?: AbortSignal) =>
  api.get<Round[]>(stageRoundsPath(projectId, stageId), { signal });

export const roundsQueryOptions = (projectId: string, stageId: string) =>
  queryOptions({
    queryKey: roundKeys.list(projectId, stageId),
    queryFn: ({ signal }) => getRounds(projectId, stageId, signal),
    // Progress moves with every coder's submit: ask again whenever the page is visited.
    staleTime: 0,
  });

export const useRounds = (projectId: string, stageId: string) => useQuery(roundsQueryOptions(projectId, stageId));
