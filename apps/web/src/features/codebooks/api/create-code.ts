// Adding a code at the top level or under any code.
import { useMutation } from '@tanstack/react-query';
import type { CodebookCode, CreateCodeBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codebookPath } from './keys.ts';

export const createCode = (projectId: string, stageId: string, body: CreateCodeBody) =>
  api.post<CodebookCode>(`${codebookPath(projectId, stageId)}/codes`, body);

export function useCreateCode(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: (body: CreateCodeBody) => createCode(projectId, stageId, body),
    onSuccess: () => changed(),
  });
}
