// Starting an export as a background job, with the same stage choice as the download; the list of
// jobs is refetched so the new one shows (and is polled) at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ExportJob } from '@concord/contracts';
import { apiRequest } from '../../../lib/api-client.ts';
import { exportKeys } from './keys.ts';

export const startExportJob = (projectId: string, format: string, stageId: string | null) =>
  apiRequest<ExportJob>(`/projects/${encodeURIComponent(projectId)}/exports/${encodeURIComponent(format)}/jobs`, {
    method: 'POST',
    query: { stage: stageId },
  });

export function useStartExportJob(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ format, stageId }: { format: string; stageId: string | null }) => startExportJob(projectId, format, stageId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: exportKeys.jobs(projectId) }),
  });
}
