// Splitting a code into new sibling codes; the issues coded with it wait in the recode queue.
import { useMutation } from '@tanstack/react-query';
import type { NewCode, SplitResult } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const splitCode = (projectId: string, stageId: string, codeId: string, into: NewCode[]) =>
  api.post<SplitResult>(`${codePath(projectId, stageId, codeId)}/split`, { into });

export function useSplitCode(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: ({ codeId, into }: { codeId: string; into: NewCode[] }) => splitCode(projectId, stageId, codeId, into),
    onSuccess: (result) => changed(result.codebook),
  });
}
