// One issue under review: the issue, every coder's codes and memo, the final label and its history.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewIssue } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { reviewIssuePath, reviewKeys } from './keys.ts';

export const getReviewIssue = (projectId: string, stageId: string, issueId: string, anonymous: boolean, signal?: AbortSignal) =>
  api.get<ReviewIssue>(reviewIssuePath(projectId, stageId, issueId), { query: { anonymous }, signal });

export const reviewIssueQueryOptions = (projectId: string, stageId: string, issueId: string, anonymous: boolean) =>
  queryOptions({
    queryKey: reviewKeys.issue(projectId, stageId, issueId, anonymous),
    queryFn: ({ signal }) => getReviewIssue(projectId, stageId, issueId, anonymous, signal),
    gcTime: 10 * 60_000,
  });

export const useReviewIssue = (projectId: string, stageId: string, issueId: string, anonymous: boolean) =>
  useQuery(reviewIssueQueryOptions(projectId, stageId, issueId, anonymous));
