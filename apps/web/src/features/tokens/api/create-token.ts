// Creating an API token; its secret is in this one response and nowhere else.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CreatedToken, CreateTokenBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { tokenKeys } from './keys.ts';

export const createToken = (body: CreateTokenBody) => api.post<CreatedToken>('/tokens', body);

export function useCreateToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
