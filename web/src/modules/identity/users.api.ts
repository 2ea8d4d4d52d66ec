import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';
import type { LinkEmployeeBody, ListUsersQuery, UserList, UserView } from './identity.types';

/** Rows per page of the user list. */
export const USERS_PAGE_SIZE = 20;

const USERS = ['users'] as const;

/** One page of the accounts the caller may manage, searched on the server. */
export function useUsers(query: Partial<ListUsersQuery>) {
  return useQuery({
    queryKey: [...USERS, 'list', query],
    queryFn: ({ signal }) => api<UserList>('/api/users', { query: { ...query }, signal }),
    placeholderData: keepPreviousData,
  });
}

/** Links an account to the employee record with a NIP; answers the refreshed account. */
export function useLinkEmployee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: ({ userId, ...body }: LinkEmployeeBody & { userId: string }) =>
      api<UserView>(`/api/users/${encodeURIComponent(userId)}/employee`, { method: 'PUT', body }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}

/** Ends an account's link to its employee record; answers the refreshed account. */
export function useUnlinkEmployee() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (userId: string) => api<UserView>(`/api/users/${encodeURIComponent(userId)}/employee`, { method: 'DELETE' }),
    onSuccess: () => client.invalidateQueries({ queryKey: USERS }),
  });
}
