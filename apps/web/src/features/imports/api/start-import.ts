// Starting a GitHub import (leads and owners): the job is queued and its progress polled.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ImportJob, StartImportBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { importKeys, projectPath } from './keys.ts';

export const startImport = (projectId: string, body: StartImportBody) => api.post<ImportJob>(`${projectPath(projectId)}/imports`, body);

export function useStartImport(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: StartImportBody) => startImport(projectId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: importKeys.all(projectId) }),
  });
}
