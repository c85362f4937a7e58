// Opening a draft, closing an open round (which unblinds its codings) or reopening a closed one;
// leads and owners only. Closing a draft is refused (409 ROUND_NOT_OPEN).
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Round, UpdateRoundBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';
import { roundPath } from './keys.ts';

export const updateRoundStatus = (projectId: string, roundId: string, status: UpdateRoundBody['status']) =>
  api.patch<Round>(roundPath(projectId, roundId), { status } satisfies UpdateRoundBody);

export function useUpdateRoundStatus(projectId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ roundId, status }: { roundId: string; status: UpdateRoundBody['status'] }) =>
      updateRoundStatus(projectId, roundId, status),
    // What coders may code and see (their Coding area, the agreement report) changes with the status.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
