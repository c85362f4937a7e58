// Signing in with email and password; the API sets the session and CSRF cookies.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { LoginBody, Me } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { authKeys } from './keys.ts';

export const login = (body: LoginBody) => api.post<Me>('/auth/login', body);

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'login'],
    mutationFn: login,
    onSuccess: (me) => {
      // Whatever was cached belonged to the previous session, if any.
      queryClient.clear();
      queryClient.setQueryData(authKeys.me(), me);
    },
  });
}
