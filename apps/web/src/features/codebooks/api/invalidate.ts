// After any codebook edit: the tree, its history and recode queue, the stage list (version, code
// count) and the project overview (code counts) are all stale, and all live under the project scope.
import { useQueryClient } from '@tanstack/react-query';
import type { Codebook } from '@concord/contracts';
import { projectScope } from '../../../lib/query-keys.ts';
import { codebookKeys } from './keys.ts';

export function useCodebookChanged(projectId: string, stageId: string) {
  const queryClient = useQueryClient();
  return async (codebook?: Codebook) => {
    // A reply that carries the new tree is shown at once, before the refetch.
    if (codebook) queryClient.setQueryData(codebookKeys.tree(projectId, stageId), codebook);
    await queryClient.invalidateQueries({ queryKey: projectScope(projectId) });
  };
}
