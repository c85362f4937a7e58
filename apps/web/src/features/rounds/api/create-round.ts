// Drawing a new round in a stage (leads and owners): a seeded sample of the stage's issues not yet
// assigned, given to the chosen coders with an overlap, as a draft or open at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateRoundBody, Round } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectScope } from '../../../lib/query-keys.ts';
import { stageRoundsPath } from './keys.ts';

export const createRound = (projectId: string, stageId: string, body: CreateRoundBody) =>
  api.post<Round>(stageRoundsPath(projectId, stageId), body);

export function useCreateRound(projectId: string, stageId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateRoundBody) => createRound(projectId, stageId, body),
    // An open round also lands in its coders' Coding area and in the agreement report's rounds.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectScope(projectId) }),
  });
}
