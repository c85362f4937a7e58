// Creating a project; the creator becomes its owner.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreateProjectBody, ProjectSummary } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { projectKeys } from './keys.ts';

export const createProject = (body: CreateProjectBody) => api.post<ProjectSummary>('/projects', body);

export function useCreateProject() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createProject,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: projectKeys.list() }),
  });
}
