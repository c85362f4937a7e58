// Saving my coding of an assignment, as a draft (autosave) or submitted. Saves of one assignment
// go out one after another, each based on the version the previous one returned, so a fast coder
// never races themself into a 409; the cached assignment and queue are updated with the result.
import { useCallback } from 'react';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { AssignmentDetail, AssignmentStatus, CodingState, MyQueue, SaveCodingBody } from '@concord/contracts';
import { apiRequest, isApiError } from '../../../lib/api-client.ts';
import { codingKeys } from './keys.ts';

/** What the coder decides; the rest of a save (version, status, time) is bookkeeping. */
export type CodingValues = Pick<SaveCodingBody, 'codeIds' | 'memo' | 'flagged' | 'cannotDecide'>;

export interface SaveRequest {
  status: SaveCodingBody['status'];
  values: CodingValues;
  activeSecondsDelta: number;
}

export const saveCoding = (projectId: string, assignmentId: string, body: SaveCodingBody) =>
  apiRequest<CodingState>(`/projects/${encodeURIComponent(projectId)}/assignments/${encodeURIComponent(assignmentId)}/coding`, {
    method: 'PUT',
    body,
  });

/** A queued save that was dropped because an earlier one found the coding changed elsewhere. */
export class SupersededSaveError extends Error {
  constructor() {
    super('This change was not saved: the coding had been changed elsewhere.');
    this.name = 'SupersededSaveError';
  }
}

interface SaveLine {
  tail: Promise<unknown>;
  pending: number;
  latest: SaveRequest;
}

// Module state rather than component state: a submit outlives the screen of its assignment,
// since Enter moves on before the answer arrives.
const lines = new Map<string, SaveLine>();
// Bumped when a save meets 409 STALE_VERSION: the saves queued behind it were based on what the
// coder saw before, and must not overwrite the version that was just reloaded.
const generations = new Map<string, number>();

/** The most recent save still queued or in flight for this assignment, to show instead of the cache. */
export function pendingSave(assignmentId: string): SaveRequest | undefined {
  return lines.get(assignmentId)?.latest;
}

function updateCachedAssignment(
  queryClient: QueryClient,
  projectId: string,
  assignmentId: string,
  update: (detail: AssignmentDetail) => AssignmentDetail,
) {
  queryClient.setQueryData<AssignmentDetail>(codingKeys.assignment(projectId, assignmentId), (detail) => detail && update(detail));
}

function updateCachedQueues(queryClient: QueryClient, projectId: string, assignmentId: string, status: AssignmentStatus) {
  queryClient.setQueriesData<MyQueue>({ queryKey: codingKeys.queues(projectId) }, (queue) => {
    if (!queue?.items.some((item) => item.assignmentId === assignmentId)) return queue;
    const items = queue.items.map((item) => (item.assignmentId === assignmentId ? { ...item, status } : item));
    return { ...queue, items, progress: { ...queue.progress, submitted: items.filter((item) => item.status === 'submitted').length } };
  });
}

function markRoundClosed(queryClient: QueryClient, projectId: string, roundId: string) {
  queryClient.setQueriesData<AssignmentDetail>({ queryKey: codingKeys.assignments(projectId) }, (detail) =>
    detail && detail.round.id === roundId ? { ...detail, round: { ...detail.round, status: 'closed' } } : detail,
  );
  queryClient.setQueriesData<MyQueue>({ queryKey: codingKeys.queues(projectId) }, (queue) =>
    queue && queue.round.id === roundId ? { ...queue, round: { ...queue.round, status: 'closed' } } : queue,
  );
}

/** The coding as it is now on the server, from a 409 STALE_VERSION answer (null: none saved). */
export function currentCodingOf(error: unknown): CodingState | null {
  if (!isApiError(error, 409) || error.code !== 'STALE_VERSION') return null;
  const details = error.details;
  if (typeof details !== 'object' || details === null || !('current' in details)) return null;
  return (details as { current: CodingState | null }).current;
}

export function queueCodingSave(
  queryClient: QueryClient,
  projectId: string,
  assignmentId: string,
  request: SaveRequest,
): Promise<CodingState> {
  const generation = generations.get(assignmentId) ?? 0;
  const detailKey = codingKeys.assignment(projectId, assignmentId);

  const run = async () => {
    if ((generations.get(assignmentId) ?? 0) !== generation) throw new SupersededSaveError();
    // Read at send time, not when queued: the save before this one may just have bumped it.
    const detail = queryClient.getQueryData<AssignmentDetail>(detailKey);
    const body: SaveCodingBody = {
      ...request.values,
      baseVersion: detail?.coding?.version ?? 0,
      status: request.status,
      activeSecondsDelta: Math.min(3600, Math.max(0, Math.round(request.activeSecondsDelta))),
    };
    try {
      const state = await saveCoding(projectId, assignmentId, body);
      updateCachedAssignment(queryClient, projectId, assignmentId, (cached) => ({ ...cached, coding: state }));
      updateCachedQueues(queryClient, projectId, assignmentId, state.status);
      return state;
    } catch (error) {
      if (isApiError(error, 409) && error.code === 'STALE_VERSION') {
        generations.set(assignmentId, generation + 1);
        const current = currentCodingOf(error);
        updateCachedAssignment(queryClient, projectId, assignmentId, (cached) => ({ ...cached, coding: current }));
        updateCachedQueues(queryClient, projectId, assignmentId, current?.status ?? 'todo');
      } else if (isApiError(error, 409) && (error.code === 'ROUND_CLOSED' || error.code === 'ROUND_NOT_OPEN') && detail) {
        markRoundClosed(queryClient, projectId, detail.round.id);
      }
      throw error;
    } finally {
      // The landing page's progress and "resume at" changed; it refetches when shown.
      void queryClient.invalidateQueries({ queryKey: codingKeys.myRounds(projectId), refetchType: 'none' });
    }
  };

  const line: SaveLine = lines.get(assignmentId) ?? { tail: Promise.resolve(), pending: 0, latest: request };
  const result = line.tail.catch(() => undefined).then(run);
  line.tail = result;
  line.pending += 1;
  line.latest = request;
  lines.set(assignmentId, line);
  const settle = () => {
    line.pending -= 1;
    if (line.pending === 0 && lines.get(assignmentId) === line) lines.delete(assignmentId);
  };
  result.then(settle, settle);
  return result;
}

/** Queues a save of one of my assignments in this project; see queueCodingSave. */
export function useSaveCoding(projectId: string) {
  const queryClient = useQueryClient();
  return useCallback(
    (assignmentId: string, request: SaveRequest) => queueCodingSave(queryClient, projectId, assignmentId, request),
    [queryClient, projectId],
  );
}
