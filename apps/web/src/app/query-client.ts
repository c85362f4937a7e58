// The one QueryClient: no retries on client errors, and a 401 from any request means the
// session is gone, so the cached user is cleared and the auth guard sends the user to sign in.
import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { isApiError } from '../lib/api-client.ts';
import { authKeys } from '../features/auth/api/keys.ts';

export function createQueryClient(): QueryClient {
  const onUnauthenticated = (error: unknown, queryKey?: readonly unknown[]) => {
    // /auth/me answers "nobody" itself; sign-in failures are shown by the sign-in form.
    if (!isApiError(error, 401) || queryKey?.[0] === authKeys.all[0]) return;
    queryClient.setQueryData(authKeys.me(), null);
  };

  const queryClient: QueryClient = new QueryClient({
    queryCache: new QueryCache({ onError: (error, query) => onUnauthenticated(error, query.queryKey) }),
    mutationCache: new MutationCache({
      onError: (error, _variables, _context, mutation) => onUnauthenticated(error, mutation.options.mutationKey),
    }),
    defaultOptions: {
      queries: {
        staleTime: 30_000,
        refetchOnWindowFocus: false,
        // Retrying a 4xx gives the same answer; network failures and 5xx may be transient.
        retry: (failureCount, error) => {
          if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
          return failureCount < 2;
        },
      },
      mutations: { retry: false },
    },
  });
  return queryClient;
}
