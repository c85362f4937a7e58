// The root of every project-scoped query key. Features build their keys on it, so invalidating a
// project's root refreshes everything cached about that project (issues, members, ...).
export const projectScope = (projectId: string) => ['project', projectId] as const;
