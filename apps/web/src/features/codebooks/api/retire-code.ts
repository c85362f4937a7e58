// Retiring a code (and its sub-codes): kept for history, hidden from coders.
import { useMutation } from '@tanstack/react-query';
import type { Codebook } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const retireCode = (projectId: string, stageId: string, codeId: string) =>
  api.post<Codebook>(`${codePath(projectId, stageId, codeId)}/retire`);

export function useRetireCode(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: (codeId: string) => retireCode(projectId, stageId, codeId),
    onSuccess: (codebook) => changed(codebook),
  });
}
