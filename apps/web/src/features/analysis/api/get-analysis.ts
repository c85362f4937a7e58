// The analysis of one stage from final labels or raw codings (coders get 403 ROUND_OPEN for raw
// codings while no round is closed), and the addresses of its downloads.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Analysis, AnalysisSource } from '@concord/contracts';
import { api, apiUrl } from '../../../lib/api-client.ts';
import { analysisKeys } from './keys.ts';

const analysisPath = (projectId: string, stageId: string) =>
  `/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}/analysis`;

export const getAnalysis = (projectId: string, stageId: string, source: AnalysisSource, signal?: AbortSignal) =>
  api.get<Analysis>(analysisPath(projectId, stageId), { query: { source }, signal });

export const analysisQueryOptions = (projectId: string, stageId: string, source: AnalysisSource) =>
  queryOptions({
    queryKey: analysisKeys.stage(projectId, stageId, source),
    queryFn: ({ signal }) => getAnalysis(projectId, stageId, source, signal),
  });

export const useAnalysis = (projectId: string, stageId: string, source: AnalysisSource) =>
  useQuery(analysisQueryOptions(projectId, stageId, source));

/** Plain links, so the browser downloads them with the session cookie. */
export function analysisDownloads(projectId: string, stageId: string, source: AnalysisSource) {
  const path = analysisPath(projectId, stageId);
  return [
    { label: 'Results (JSON)', href: apiUrl(path, { source, format: 'json' }) },
    { label: 'Results (CSV, tidy)', href: apiUrl(path, { source, format: 'csv' }) },
    { label: 'Tables (LaTeX, booktabs)', href: apiUrl(`${path}/tables`, { source, format: 'latex' }) },
    { label: 'Tables (Markdown)', href: apiUrl(`${path}/tables`, { source, format: 'markdown' }) },
  ];
}
