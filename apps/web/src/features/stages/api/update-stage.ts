// Changing a stage's settings or its place in the order; leads and owners only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Stage, UpdateStageBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';

export const updateStage = (projectId: string, stageId: string, body: UpdateStageBody) =>
  api.patch<Stage>(`/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}`, body);

export function useUpdateStage(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ stageId, body }: { stageId: string; body: UpdateStageBody }) => updateStage(projectId, stageId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
