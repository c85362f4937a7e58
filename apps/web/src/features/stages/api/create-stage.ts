// Adding a stage at the end of the project's order; leads and owners only.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateStageBody, Stage } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';

export const createStage = (projectId: string, body: CreateStageBody) =>
  api.post<Stage>(`/projects/${encodeURIComponent(projectId)}/stages`, body);

export function useCreateStage(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateStageBody) => createStage(projectId, body),
    // The project overview lists the stages too.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
