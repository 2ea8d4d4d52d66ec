import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, isApiError, setCsrfToken } from '../../lib/api';
import type { Me, RegisterInput, SessionView, SignInInput } from './identity.types';

const ME = ['auth', 'me'] as const;

/** Fetches the session; a signed-out visitor (401) is `null`, not an error. */
async function fetchMe(): Promise<Me | null> {
  try {
    const session = await api<SessionView>('/api/auth/me');
    setCsrfToken(session.csrfToken);
    return session.user;
  } catch (error) {
    // 401: signed out. 404: a server without the identity module answers as if nobody is signed in.
    if (isApiError(error, 401) || isApiError(error, 404)) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** The signed-in user (`null` when signed out, `undefined` while the first check runs). */
export function useMe() {
  return useQuery({ queryKey: ME, queryFn: fetchMe, staleTime: 5 * 60_000 });
}

/** Signs in; on success the session is cached so every shell shows the user at once. */
export function useSignIn() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: SignInInput) => api<SessionView>('/api/auth/login', { method: 'POST', body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(ME, session.user);
    },
  });
}

/** Registers a citizen account, which signs the new user in. */
export function useRegister() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: RegisterInput) => api<SessionView>('/api/auth/register', { method: 'POST', body: input }),
    onSuccess: (session) => {
      setCsrfToken(session.csrfToken);
      client.setQueryData(ME, session.user);
    },
  });
}

/** Signs out and forgets every cached answer that belonged to the user. */
export function useSignOut() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: () => api<void>('/api/auth/logout', { method: 'POST' }),
    onSettled: () => {
      setCsrfToken(null);
      client.removeQueries({ predicate: (q) => q.queryKey[0] !== 'auth' });
      client.setQueryData(ME, null);
    },
  });
}
