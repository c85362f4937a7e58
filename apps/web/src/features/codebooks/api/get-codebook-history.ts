// Every change of a stage's codebook, newest first: who, when, what, and the version it made.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { CodebookHistory } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { codebookKeys, codebookPath } from './keys.ts';

export const getCodebookHistory = (projectId: string, stageId: string, signal?: AbortSignal) =>
  api.get<CodebookHistory>(`${codebookPath(projectId, stageId)}/history`, { signal });

export const codebookHistoryQueryOptions = (projectId: string, stageId: string) =>
  queryOptions({
    queryKey: codebookKeys.history(projectId, stageId),
    queryFn: ({ signal }) => getCodebookHistory(projectId, stageId, signal),
  });

export const useCodebookHistory = (projectId: string, stageId: string) => useQuery(codebookHistoryQueryOptions(projectId, stageId));
