// Who is signed in. A 401 is an answer here ("nobody"), not an error, so it resolves to null.
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { Me } from '@concord/contracts';
import { api, isApiError } from '../../../lib/api-client.ts';
import { authKeys } from './keys.ts';

export async function getMe(signal?: AbortSignal): Promise<Me | null> {
  try {
    return await api.get<Me>('/auth/me', { signal });
  } catch (error) {
    if (isApiError(error, 401)) return null;
    throw error;
  }
}

export const meQueryOptions = () =>
  queryOptions({
    queryKey: authKeys.me(),
    queryFn: ({ signal }) => getMe(signal),
    staleTime: 5 * 60_000,
  });

export const useMe = () => useQuery(meQueryOptions());
