// Removing a member from a project; the API refuses (409 LAST_OWNER) to remove the last owner.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';

export const removeMember = (projectId: string, userId: string) =>
  api.delete(`/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`);

export function useRemoveMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => removeMember(projectId, userId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
