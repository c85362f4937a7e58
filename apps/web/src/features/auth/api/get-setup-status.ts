// Whether the instance is empty and must create its first owner before anyone can sign in.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { SetupStatus } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { authKeys } from './keys.ts';

export const getSetupStatus = (signal?: AbortSignal) => api.get<SetupStatus>('/auth/setup', { signal });

export const setupStatusQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.setupStatus(),
    queryFn: ({ signal }) => getSetupStatus(signal),
    staleTime: 60_000,
  });

export const useSetupStatus = () => useQuery(setupStatusQueryOptions());
