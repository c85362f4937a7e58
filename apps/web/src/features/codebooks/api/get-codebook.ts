// A stage's codebook in tree order; coders get the active codes only, leads the retired ones too.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Codebook } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { codebookKeys, codebookPath } from './keys.ts';

export const getCodebook = (projectId: string, stageId: string, signal?: AbortSignal) =>
  api.get<Codebook>(codebookPath(projectId, stageId), { signal });

export const codebookQueryOptions = (projectId: string, stageId: string) =>
  queryOptions({
    queryKey: codebookKeys.tree(projectId, stageId),
    queryFn: ({ signal }) => getCodebook(projectId, stageId, signal),
  });

/** `stageId` null: nothing to fetch yet. */
export function useCodebook(projectId: string, stageId: string | null) {
  return useQuery({ ...codebookQueryOptions(projectId, stageId ?? ''), enabled: stageId !== null });
}
