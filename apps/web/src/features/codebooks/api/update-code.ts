// Editing a code's name, definition, criteria, colour or shortcut; codings keep pointing at it.
import { useMutation } from '@tanstack/react-query';
import type { CodebookCode, UpdateCodeBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const updateCode = (projectId: string, stageId: string, codeId: string, body: UpdateCodeBody) =>
  api.patch<CodebookCode>(codePath(projectId, stageId, codeId), body);

export function useUpdateCode(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: ({ codeId, body }: { codeId: string; body: UpdateCodeBody }) => updateCode(projectId, stageId, codeId, body),
    onSuccess: () => changed(),
  });
}
