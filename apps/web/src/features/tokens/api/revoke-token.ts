// Revoking one of my API tokens; scripts using it stop working at once.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../../lib/api-client.ts';
import { tokenKeys } from './keys.ts';

export const revokeToken = (tokenId: string) => api.delete(`/tokens/${encodeURIComponent(tokenId)}`);

export function useRevokeToken() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: revokeToken,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: tokenKeys.all }),
  });
}
