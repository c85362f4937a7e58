// Changing a member's role; the API refuses (409 LAST_OWNER) to demote the last owner.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Member, Role } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';

export const updateMemberRole = (projectId: string, userId: string, role: Role) =>
  api.patch<Member>(`/projects/${encodeURIComponent(projectId)}/members/${encodeURIComponent(userId)}`, { role });

export function useUpdateMemberRole(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) => updateMemberRole(projectId, userId, role),
    // My own role may have changed, which changes what the project pages show me.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
