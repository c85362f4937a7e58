// Disagreement analytics of a stage (all rounds, or one).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewAnalytics } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { reviewKeys, stagePath } from './keys.ts';

export const getReviewAnalytics = (projectId: string, stageId: string, round: number | null, signal?: AbortSignal) =>
  api.get<ReviewAnalytics>(`${stagePath(projectId, stageId)}/review/analytics`, { query: { round }, signal });

export const reviewAnalyticsQueryOptions = (projectId: string, stageId: string, round: number | null) =>
  queryOptions({
    queryKey: reviewKeys.analytics(projectId, stageId, round),
    queryFn: ({ signal }) => getReviewAnalytics(projectId, stageId, round, signal),
  });

export const useReviewAnalytics = (projectId: string, stageId: string, round: number | null) =>
  useQuery(reviewAnalyticsQueryOptions(projectId, stageId, round));
