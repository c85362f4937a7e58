// Adding a member by email; a new account comes back with a temporary password, shown once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { AddedMember, AddMemberBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';

export const addMember = (projectId: string, body: AddMemberBody) =>
  api.post<AddedMember>(`/projects/${encodeURIComponent(projectId)}/members`, body);

export function useAddMember(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AddMemberBody) => addMember(projectId, body),
    // The project's member count changes too, so refresh the whole project scope.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
