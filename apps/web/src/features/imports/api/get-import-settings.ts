// Whether the server has a GitHub token (never the token itself) and which GitHub API it uses.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ImportSettings } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { importKeys, projectPath } from './keys.ts';

export const getImportSettings = (projectId: string, signal?: AbortSignal) =>
  api.get<ImportSettings>(`${projectPath(projectId)}/imports/settings`, { signal });

export const importSettingsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: importKeys.settings(projectId),
    queryFn: ({ signal }) => getImportSettings(projectId, signal),
    staleTime: 60_000,
  });

export const useImportSettings = (projectId: string) => useQuery(importSettingsQueryOptions(projectId));
