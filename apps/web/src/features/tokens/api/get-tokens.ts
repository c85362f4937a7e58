// My active API tokens (never their secrets).
import { queryOptions, useQuery } from '@tanstack/react-query';
import type { ApiToken } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { tokenKeys } from './keys.ts';

export const getTokens = (signal?: AbortSignal) => api.get<ApiToken[]>('/tokens', { signal });

export const tokensQueryOptions = () =>
  queryOptions({
    queryKey: tokenKeys.list(),
    queryFn: ({ signal }) => getTokens(signal),
  });

export const useTokens = () => useQuery(tokensQueryOptions());
