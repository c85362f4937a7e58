// Cancelling a queued or running export job (its starter, leads and owners); the list is refetched
// either way, so a job that ended meanwhile shows how it ended.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExportJob } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { exportKeys } from './keys.ts';

export const cancelExportJob = (projectId: string, jobId: string) =>
  api.post<ExportJob>(`/projects/${encodeURIComponent(projectId)}/exports/jobs/${encodeURIComponent(jobId)}/cancel`);

export function useCancelExportJob(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => cancelExportJob(projectId, jobId),
    onSettled: () => queryClient.invalidateQueries({ queryKey: exportKeys.jobs(projectId) }),
  });
}
