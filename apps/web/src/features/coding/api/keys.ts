// Query keys of the coding screen (my rounds, my queue in a round, one assignment), under the
// project's scope root. Everything here is the caller's own: coding is blind.
import { projectScope } from '../../../lib/query-keys.ts';

export const codingKeys = {
  all: (projectId: string) => [...projectScope(projectId), 'coding'] as const,
  myRounds: (projectId: string) => [...codingKeys.all(projectId), 'my-rounds'] as const,
  queues: (projectId: string) => [...codingKeys.all(projectId), 'queue'] as const,
  queue: (projectId: string, roundId: string) => [...codingKeys.queues(projectId), roundId] as const,
  assignments: (projectId: string) => [...codingKeys.all(projectId), 'assignment'] as const,
  assignment: (projectId: string, assignmentId: string) => [...codingKeys.assignments(projectId), assignmentId] as const,
};
