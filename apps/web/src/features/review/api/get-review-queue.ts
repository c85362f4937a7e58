// The review queue of a stage: issues where coders differ (or decided / agreed ones), filtered.
import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import type { ReviewQueue, ReviewQueueQuery } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { reviewKeys, stagePath } from './keys.ts';

export type QueueFilters = Partial<ReviewQueueQuery>;

export const getReviewQueue = (projectId: string, stageId: string, query: QueueFilters, signal?: AbortSignal) =>
  api.get<ReviewQueue>(`${stagePath(projectId, stageId)}/review`, { query: { ...query }, signal });

export const reviewQueueQueryOptions = (projectId: string, stageId: string, query: QueueFilters) =>
  queryOptions({
    queryKey: reviewKeys.queue(projectId, stageId, query),
    queryFn: ({ signal }) => getReviewQueue(projectId, stageId, query, signal),
    placeholderData: keepPreviousData,
  });

/** `enabled` false: only leads and owners have a queue. */
export const useReviewQueue = (projectId: string, stageId: string, query: QueueFilters, enabled = true) =>
  useQuery({ ...reviewQueueQueryOptions(projectId, stageId, query), enabled });
