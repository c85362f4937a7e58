// Restoring a retired code, with the sub-codes that were retired along with it.
import { useMutation } from '@tanstack/react-query';
import type { Codebook } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const unretireCode = (projectId: string, stageId: string, codeId: string) =>
  api.post<Codebook>(`${codePath(projectId, stageId, codeId)}/unretire`);

export function useUnretireCode(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: (codeId: string) => unretireCode(projectId, stageId, codeId),
    onSuccess: (codebook) => changed(codebook),
  });
}
