// Copying another stage's active codes, from any project where I am lead or owner.
import { useMutation } from '@tanstack/react-query';
import type { CodebookImportResult, CopyCodebookBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codebookPath } from './keys.ts';

export const copyCodebook = (projectId: string, stageId: string, body: CopyCodebookBody) =>
  api.post<CodebookImportResult>(`${codebookPath(projectId, stageId)}/copy`, body);

export function useCopyCodebook(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: (body: CopyCodebookBody) => copyCodebook(projectId, stageId, body),
    onSuccess: (result) => changed(result.codebook),
  });
}
