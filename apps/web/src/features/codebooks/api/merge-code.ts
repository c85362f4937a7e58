// Merging a code into another: its codings, final labels, examples and sub-codes move; it retires.
import { useMutation } from '@tanstack/react-query';
import type { Codebook } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const mergeCode = (projectId: string, stageId: string, codeId: string, intoId: string) =>
  api.post<Codebook>(`${codePath(projectId, stageId, codeId)}/merge`, { intoId });

export function useMergeCode(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: ({ codeId, intoId }: { codeId: string; intoId: string }) => mergeCode(projectId, stageId, codeId, intoId),
    onSuccess: (codebook) => changed(codebook),
  });
}
