import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type {
  ChangePasswordBody, PasswordResetAnswer, PasswordResetConfirmBody, PasswordResetRequestBody, TemporaryPasswordView,
} from '../../../../server/src/modules/identity/identity.schema';

/** Asks for a reset link; the answer is the same whether or not the account exists. */
export function useRequestReset() {
  return useMutation({
    mutationFn: (input: PasswordResetRequestBody) => api<PasswordResetAnswer>('/api/auth/password-reset', { method: 'POST', body: input }),
  });
}

/** Sets a new password with the token of a mailed link. */
export function useConfirmReset() {
  return useMutation({
    mutationFn: (input: PasswordResetConfirmBody) => api<void>('/api/auth/password-reset/confirm', { method: 'POST', body: input }),
  });
}

/** Changes the signed-in user's password; the session is read again so a must-change flag clears. */
export function useChangePassword() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: ChangePasswordBody) => api<void>('/api/auth/password', { method: 'POST', body: input }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['auth', 'me'] }),
  });
}

/** A user administrator gives an account a temporary password (answered once); the user list is read again. */
export function useAdminPasswordReset() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<TemporaryPasswordView>(`/api/users/${userId}/password-reset`, { method: 'POST' }),
    onSuccess: () => client.invalidateQueries({ queryKey: ['users'] }),
  });
}
