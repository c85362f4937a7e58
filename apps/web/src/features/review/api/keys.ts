// Query keys of review (queue, analytics, one issue, its discussion, unread threads, calibration)
// and of the dataset, under the project's scope root.
import type { DatasetQuery, ReviewQueueQuery } from '@concord/contracts';
import { projectScope } from '../../../lib/query-keys.ts';

export const reviewKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'review'] as const,
  stage: (projectId: string, stageId: string) => [...reviewKeys.all(projectId), stageId] as const,
  queue: (projectId: string, stageId: string, query: Partial<ReviewQueueQuery>) =>
    [...reviewKeys.stage(projectId, stageId), 'queue', query] as const,
  analytics: (projectId: string, stageId: string, round: number | null) =>
    [...reviewKeys.stage(projectId, stageId), 'analytics', { round }] as const,
  issue: (projectId: string, stageId: string, issueId: string, anonymous: boolean) =>
    [...reviewKeys.stage(projectId, stageId), 'issue', issueId, { anonymous }] as const,
  discussion: (projectId: string, stageId: string, issueId: string) =>
    [...reviewKeys.stage(projectId, stageId), 'discussion', issueId] as const,
  calibration: (projectId: string, stageId: string) => [...reviewKeys.stage(projectId, stageId), 'calibration'] as const,
  unread: (projectId: string) => [...reviewKeys.all(projectId), 'unread'] as const,
  dataset: (projectId: string, query: Partial<DatasetQuery>) => [...projectScope(projectId), 'dataset', query] as const,
};

export const stagePath = (projectId: string, stageId: string) =>
  `/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}`;
export const reviewIssuePath = (projectId: string, stageId: string, issueId: string) =>
  `${stagePath(projectId, stageId)}/review/issues/${encodeURIComponent(issueId)}`;
