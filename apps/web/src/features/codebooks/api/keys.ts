// Query keys of the codebooks of a project's stages (tree, history, recode queue), under the
// project's scope root; and the API path of a stage's codebook.
import { projectScope } from '../../../lib/query-keys.ts';

export const codebookKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'codebooks'] as const,
  stage: (projectId: string, stageId: string) => [...codebookKeys.all(projectId), stageId] as const,
  tree: (projectId: string, stageId: string) => [...codebookKeys.stage(projectId, stageId), 'tree'] as const,
  history: (projectId: string, stageId: string) => [...codebookKeys.stage(projectId, stageId), 'history'] as const,
  recodeQueue: (projectId: string, stageId: string) => [...codebookKeys.stage(projectId, stageId), 'recode-queue'] as const,
};

export const stagePath = (projectId: string, stageId: string) =>
  `/projects/${encodeURIComponent(projectId)}/stages/${encodeURIComponent(stageId)}`;
export const codebookPath = (projectId: string, stageId: string) => `${stagePath(projectId, stageId)}/codebook`;
export const codePath = (projectId: string, stageId: string, codeId: string) =>
  `${codebookPath(projectId, stageId)}/codes/${encodeURIComponent(codeId)}`;
