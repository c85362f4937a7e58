// My assignments in one round, in order, each with its status (todo, draft, submitted).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { MyQueue } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { codingKeys } from './keys.ts';

export const getQueue = (projectId: string, roundId: string, signal?: AbortSignal) =>
  api.get<MyQueue>(`/projects/${encodeURIComponent(projectId)}/rounds/${encodeURIComponent(roundId)}/queue`, { signal });

export const queueQueryOptions = (projectId: string, roundId: string) =>
  queryOptions({
    queryKey: codingKeys.queue(projectId, roundId),
    queryFn: ({ signal }) => getQueue(projectId, roundId, signal),
  });

/** Fetches only once the round is known (`roundId` set). */
export function useQueue(projectId: string, roundId: string | undefined) {
  return useQuery({ ...queueQueryOptions(projectId, roundId ?? ''), enabled: Boolean(roundId) });
}
