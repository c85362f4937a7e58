// The project's issues with their final label per stage.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { DatasetPage, DatasetQuery } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { reviewKeys } from './keys.ts';

export const getDataset = (projectId: string, query: Partial<DatasetQuery>, signal?: AbortSignal) =>
  api.get<DatasetPage>(`/projects/${encodeURIComponent(projectId)}/dataset`, { query: { ...query }, signal });

export const datasetQueryOptions = (projectId: string, query: Partial<DatasetQuery>) =>
  queryOptions({
    queryKey: reviewKeys.dataset(projectId, query),
    queryFn: ({ signal }) => getDataset(projectId, query, signal),
    placeholderData: keepPreviousData,
  });

export const useDataset = (projectId: string, query: Partial<DatasetQuery>) => useQuery(datasetQueryOptions(projectId, query));
