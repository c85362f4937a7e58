// Removing an example from a code.
import { useMutation } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const removeExample = (projectId: string, stageId: string, codeId: string, issueId: string) =>
  api.delete(`${codePath(projectId, stageId, codeId)}/examples/${encodeURIComponent(issueId)}`);

export function useRemoveExample(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: ({ codeId, issueId }: { codeId: string; issueId: string }) => removeExample(projectId, stageId, codeId, issueId),
    onSuccess: () => changed(),
  });
}
