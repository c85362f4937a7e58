// The export formats the signed-in member may download (the API's format registry), and the
// address of one file: a plain link, so the browser streams the download with the session cookie.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ExportFormatInfo, ExportFormatList } from '@concord/contracts';
import { api, apiUrl } from '../../../lib/api-client.ts';
import { exportKeys } from './keys.ts';

export const getExportFormats = (projectId: string, signal?: AbortSignal) =>
  api.get<ExportFormatList>(`/projects/${encodeURIComponent(projectId)}/exports`, { signal });

export const exportFormatsQueryOptions = (projectId: string) =>
  queryOptions({
    queryKey: exportKeys.formats(projectId),
    queryFn: ({ signal }) => getExportFormats(projectId, signal),
    // The registry changes only with a new release.
    staleTime: Infinity,
  });

export const useExportFormats = (projectId: string) => useQuery(exportFormatsQueryOptions(projectId));

/** `{stageId}` in the format's path and query stands for the chosen stage; `null`: all stages. */
export function exportDownloadUrl(projectId: string, format: ExportFormatInfo, stageId: string | null): string {
  const fill = (template: string) => template.replaceAll('{stageId}', encodeURIComponent(stageId ?? ''));
  const query = Object.fromEntries(Object.entries(format.query).map(([key, value]) => [key, fill(value)]));
  return apiUrl(`/projects/${encodeURIComponent(projectId)}${fill(format.path)}`, query);
}
