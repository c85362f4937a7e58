// Creating the first owner account of an empty instance, which also signs it in.
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { Me, SetupBody } from '@concord/contracts';
import { api } from '../../../lib/api-client.ts';
import { authKeys } from './keys.ts';

export const setup = (body: SetupBody) => api.post<Me>('/auth/setup', body);

export function useSetup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationKey: [...authKeys.all, 'setup'],
    mutationFn: setup,
    onSuccess: (me) => {
      queryClient.setQueryData(authKeys.me(), me);
      queryClient.setQueryData(authKeys.setupStatus(), { needsSetup: false });
    },
  });
}
