// Moving a code to a new parent and place. The tree shows the move at once (optimistically) and
// goes back if the API refuses it, e.g. a move under the code's own sub-code.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Codebook, MoveCodeBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { applyMove } from '../components/tree-model.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codebookKeys, codePath } from './keys.ts';

export const moveCode = (projectId: string, stageId: string, codeId: string, body: MoveCodeBody) =>
  api.post<Codebook>(`${codePath(projectId, stageId, codeId)}/move`, body);

export function useMoveCode(projectId: string, stageId: string) {
  const queryClient = useQueryClient();
  const changed = useCodebookChanged(projectId, stageId);
  const key = codebookKeys.tree(projectId, stageId);
  return useMutation({
    mutationFn: ({ codeId, body }: { codeId: string; body: MoveCodeBody }) => moveCode(projectId, stageId, codeId, body),
    onMutate: async ({ codeId, body }) => {
      await queryClient.cancelQueries({ queryKey: key });
      const previous = queryClient.getQueryData<Codebook>(key);
      if (previous) queryClient.setQueryData<Codebook>(key, { ...previous, codes: applyMove(previous.codes, codeId, body) });
      return { previous };
    },
    onError: (_error, _variables, context) => {
      if (context?.previous) queryClient.setQueryData(key, context.previous);
    },
    onSuccess: (codebook) => changed(codebook),
  });
}
