// Query keys of the signed-in user's API tokens (not project-scoped).
export const tokenKeys = {
  all: ['tokens'] as const,
  list: () => [...tokenKeys.all, 'list'] as const,
};
