// The discussion thread on an issue under review, replying in it, and marking it read.
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { Discussion, DiscussionMessage } from '@concord/contracts';
import { api, apiRequest } from '../../../lib/api-client.ts';
import { reviewIssuePath, reviewKeys } from './keys.ts';

export const getDiscussion = (projectId: string, stageId: string, issueId: string, anonymous: boolean, signal?: AbortSignal) =>
  api.get<Discussion>(`${reviewIssuePath(projectId, stageId, issueId)}/discussion`, { query: { anonymous }, signal });

export const discussionQueryOptions = (projectId: string, stageId: string, issueId: string, anonymous: boolean) =>
  queryOptions({
    queryKey: [...reviewKeys.discussion(projectId, stageId, issueId), { anonymous }],
    queryFn: ({ signal }) => getDiscussion(projectId, stageId, issueId, anonymous, signal),
  });

export const useDiscussion = (projectId: string, stageId: string, issueId: string, anonymous: boolean) =>
  useQuery(discussionQueryOptions(projectId, stageId, issueId, anonymous));

export function usePostMessage(projectId: string, stageId: string, issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post<DiscussionMessage>(`${reviewIssuePath(projectId, stageId, issueId)}/discussion`, { body }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: reviewKeys.discussion(projectId, stageId, issueId) });
      void queryClient.invalidateQueries({ queryKey: reviewKeys.unread(projectId) });
    },
  });
}

export function useMarkRead(projectId: string, stageId: string, issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => apiRequest<void>(`${reviewIssuePath(projectId, stageId, issueId)}/discussion/read`, { method: 'PUT' }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: reviewKeys.unread(projectId) }),
  });
}
