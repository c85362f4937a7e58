// The stages of a project in order, with their settings (mode, input, codebook version).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Stage } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { stageKeys } from './keys.ts';

export const getStages = (projectId: string, signal?: AbortSignal) =>
  api.get<Stage[]>(`/projects/${encodeURIComponent(projectId)}/stages`, { signal });

export const stagesQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: stageKeys.list(projectId),
    queryFn: ({ signal }) => getStages(projectId, signal),
  });

/** `projectId` null: nothing to fetch yet (e.g. no project chosen in a picker). */
export function useStages(projectId: string | null) {
  return useQuery({ ...stagesQueryOptions(projectId ?? ''), enabled: projectId !== null });
}
