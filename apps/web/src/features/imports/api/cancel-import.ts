// Cancelling a queued or running GitHub import (leads and owners); the issues it stored stay.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { importKeys, projectPath } from './keys.ts';

export const cancelImport = (projectId: string, jobId: string) => api.post<ImportJob>(`${projectPath(projectId)}/imports/${jobId}/cancel`);

export function useCancelImport(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (jobId: string) => cancelImport(projectId, jobId),
    // Also after a 409 (it ended meanwhile): the list then shows how it ended.
    onSettled: () => queryClient.invalidateQueries({ queryKey: importKeys.all(projectId) }),
  });
}
