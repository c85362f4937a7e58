// Discussion threads with messages I have not read, for the header's count; polled so that
// replies show up without a reload.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { UnreadDiscussions } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { reviewKeys } from './keys.ts';

const POLL_MS = 60_000;

export const getUnread = (projectId: string, signal?: AbortSignal) =>
  api.get<UnreadDiscussions>(`/projects/${encodeURIComponent(projectId)}/discussions/unread`, { signal });

export const unreadQueryOptions = (projectId: string) =>
  queryOptions({ queryKey: reviewKeys.unread(projectId), queryFn: ({ signal }) => getUnread(projectId, signal), refetchInterval: POLL_MS });

export const useUnread = (projectId: string) => useQuery(unreadQueryOptions(projectId));
