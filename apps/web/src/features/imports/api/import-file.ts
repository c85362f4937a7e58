// Importing a JSON or CSV file of issues, all or nothing (leads and owners).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { FileImportBody, FileImportResult } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';
import { projectPath } from './keys.ts';

export const importFile = (projectId: string, body: FileImportBody) =>
  api.post<FileImportResult>(`${projectPath(projectId)}/imports/file`, body);

export function useImportFile(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: FileImportBody) => importFile(projectId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
