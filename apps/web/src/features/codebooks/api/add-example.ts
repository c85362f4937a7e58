// Adding an issue of the project as an example of a code, by its number (and repository when
// several repositories have that number: the API answers AMBIGUOUS_ISSUE with the candidates).
import { useMutation } from '@tanstack/react-query';
import type { AddExampleBody, CodebookCode } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codePath } from './keys.ts';

export const addExample = (projectId: string, stageId: string, codeId: string, body: AddExampleBody) =>
  api.post<CodebookCode>(`${codePath(projectId, stageId, codeId)}/examples`, body);

export function useAddExample(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: ({ codeId, body }: { codeId: string; body: AddExampleBody }) => addExample(projectId, stageId, codeId, body),
    onSuccess: () => changed(),
  });
}
