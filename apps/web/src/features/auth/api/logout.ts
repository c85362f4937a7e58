// Signing out of this browser session.
import { useMutation } from '@tanstack/react-query';
import { api, isApiError } from '../../../lib/api-client.ts';

export async function logout(): Promise<void> {
  try {
    await api.post<void>('/auth/logout');
  } catch (error) {
    // An expired session is already signed out; that is the outcome we want.
    if (!isApiError(error, 401)) throw error;
  }
}

export function useLogout() {
  return useMutation({
    mutationFn: logout,
    // A full page load drops every cached query and in-flight request of the old session at once.
    onSuccess: () => window.location.assign('/login'),
  });
}
