// Importing a codebook file (Concord JSON or REFI-QDA .qdc). A refused file comes back as
// 400 IMPORT_INVALID with details.problems, each with where in the file and what is wrong.
import { useMutation } from '@tanstack/react-query';
import type { CodebookImportResult, ImportCodebookBody, ImportProblem } from '@concord/contracts';
import { api, isApiError } from '../../../lib/api-client.ts';
import { useCodebookChanged } from './invalidate.ts';
import { codebookPath } from './keys.ts';

export const importCodebook = (projectId: string, stageId: string, body: ImportCodebookBody) =>
  api.post<CodebookImportResult>(`${codebookPath(projectId, stageId)}/import`, body);

/** The problems of a refused import or copy, when that is what the error is. */
export function importProblems(error: unknown): ImportProblem[] {
  if (!isApiError(error) || !error.details || typeof error.details !== 'object') return [];
  const problems = (error.details as { problems?: unknown }).problems;
  return Array.isArray(problems) ? (problems as ImportProblem[]) : [];
}

export function useImportCodebook(projectId: string, stageId: string) {
  const changed = useCodebookChanged(projectId, stageId);
  return useMutation({
    mutationFn: (body: ImportCodebookBody) => importCodebook(projectId, stageId, body),
    onSuccess: (result) => changed(result.codebook),
  });
}
