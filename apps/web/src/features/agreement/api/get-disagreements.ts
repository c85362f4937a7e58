// The issues behind one cell of an agreement report where the coders differ: a confusion cell
// (coderA chose codeA, coderB chose codeB) or a code one coder applied and another did not.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { DisagreementList, DisagreementQuery } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { agreementKeys } from './keys.ts';

export const getDisagreements = (projectId: string, stageId: string, query: DisagreementQuery, signal?: AbortSignal) =>
  api.get<DisagreementList>(`/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}/agreement/disagreements`, {
    query: { ...query },
    signal,
  });

export const disagreementsQueryOptions = (projectId: string, stageId: string, query: DisagreementQuery) =>
  queryOptions({
    queryKey: agreementKeys.disagreements(projectId, stageId, query),
    queryFn: ({ signal }) => getDisagreements(projectId, stageId, query, signal),
  });

/** Fetches only while `query` is set (the list is open). */
export function useDisagreements(projectId: string, stageId: string, query: DisagreementQuery | null) {
  return useQuery({ ...disagreementsQueryOptions(projectId, stageId, query ?? {}), enabled: query !== null });
}
