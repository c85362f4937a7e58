// Resolving a recode-queue item: the lead's replacement code(s) for an issue whose code was split.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { ResolvedRecode } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';

export const resolveRecode = (projectId: string, stageId: string, itemId: string, codeIds: string[]) =>
  api.post<ResolvedRecode>(
    `/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}/recode-queue/${encodeURIComponent(itemId)}/resolve`,
    { codeIds },
  );

export function useResolveRecode(projectId: string, stageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, codeIds }: { itemId: string; codeIds: string[] }) => resolveRecode(projectId, stageId, itemId, codeIds),
    // The queue, codings, final labels and everything computed from them changed.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
