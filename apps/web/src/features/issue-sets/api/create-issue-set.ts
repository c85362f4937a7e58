// Saving the issues of a filter, or a seeded sample of them, as a named issue set (leads, owners).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateIssueSetBody, IssueSet } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { issueSetKeys, issueSetsPath } from './keys.ts';

export const createIssueSet = (projectId: string, body: CreateIssueSetBody) => api.post<IssueSet>(issueSetsPath(projectId), body);

export function useCreateIssueSet(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateIssueSetBody) => createIssueSet(projectId, body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: issueSetKeys.all(projectId) }),
  });
}
