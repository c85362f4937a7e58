// Query keys of the signed-in user and of first-run setup.
export const authKeys = {
  all: ['auth'] as const,
  me: () => [...authKeys.all, 'me'] as const,
  setupStatus: () => [...authKeys.all, 'setup-status'] as const,
};
