// Issues waiting for a lead to recode them because a code they had was split; leads only.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { RecodeQueue } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { codebookKeys, stagePath } from './keys.ts';

export const getRecodeQueue = (projectId: string, stageId: string, signal?: AbortSignal) =>
  api.get<RecodeQueue>(`${stagePath(projectId, stageId)}/recode-queue`, { signal });

export const recodeQueueQueryOptions = (projectId: string, stageId: string) =>
  queryOptions({
    queryKey: codebookKeys.recodeQueue(projectId, stageId),
    queryFn: ({ signal }) => getRecodeQueue(projectId, stageId, signal),
  });

export function useRecodeQueue(projectId: string, stageId: string, { enabled }: { enabled: boolean }) {
  return useQuery({ ...recodeQueueQueryOptions(projectId, stageId), enabled });
}
