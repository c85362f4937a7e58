// Deciding (or reopening) an issue's final label. A decision on a stale version gets 409 with the
// current label, which replaces the cached one so the lead sees what the other lead decided.
import { useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { DecisionBody, FinalLabelState, ReopenBody, ReviewIssue } from '@concord/contracts';
import { apiRequest, isApiError } from '../../../lib/api-client.ts';
import { reviewIssuePath, reviewKeys } from './keys.ts';

export const decide = (projectId: string, stageId: string, issueId: string, body: DecisionBody) =>
  apiRequest<FinalLabelState>(`${reviewIssuePath(projectId, stageId, issueId)}/decision`, { method: 'PUT', body });

export const reopen = (projectId: string, stageId: string, issueId: string, body: ReopenBody) =>
  apiRequest<FinalLabelState>(`${reviewIssuePath(projectId, stageId, issueId)}/reopen`, { method: 'POST', body });

/** The final label as it is now on the server, from a 409 STALE_VERSION answer. */
export function currentLabelOf(error: unknown): FinalLabelState | null | undefined {
  if (!isApiError(error, 409) || error.code !== 'STALE_VERSION') return undefined;
  const details = error.details as { current?: FinalLabelState | null } | undefined;
  return details?.current;
}

function storeLabel(queryClient: QueryClient, projectId: string, stageId: string, issueId: string, label: FinalLabelState | null) {
  for (const anonymous of [false, true]) {
    queryClient.setQueryData<ReviewIssue>(reviewKeys.issue(projectId, stageId, issueId, anonymous), (issue) =>
      issue ? { ...issue, finalLabel: label } : issue,
    );
  }
  // Queue counts, analytics, the dataset and the calibration view all read final labels.
  void queryClient.invalidateQueries({ queryKey: reviewKeys.stage(projectId, stageId), refetchType: 'none' });
  void queryClient.invalidateQueries({ queryKey: ['project', projectId, 'dataset'], refetchType: 'none' });
}

export function useDecide(projectId: string, stageId: string, issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DecisionBody) => decide(projectId, stageId, issueId, body),
    onSuccess: (label) => storeLabel(queryClient, projectId, stageId, issueId, label),
    onError: (error) => {
      const current = currentLabelOf(error);
      if (current !== undefined) storeLabel(queryClient, projectId, stageId, issueId, current);
    },
  });
}

export function useReopen(projectId: string, stageId: string, issueId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ReopenBody) => reopen(projectId, stageId, issueId, body),
    onSuccess: (label) => storeLabel(queryClient, projectId, stageId, issueId, label),
    onError: (error) => {
      const current = currentLabelOf(error);
      if (current !== undefined) storeLabel(queryClient, projectId, stageId, issueId, current);
    },
  });
}
