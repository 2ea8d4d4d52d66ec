import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api';

export interface NotificationView {
  id: string;
  kind: string;
  kindLabel: { id: string; en: string };
  title: string;
  body: string;
  link: string | null;
  confidential: boolean;
  position: { id: string; title: string } | null;
  createdAt: string;
  readAt: string | null;
}
export interface NotificationPage { items: NotificationView[]; total: number; page: number; pageSize: number; unread: number }
export interface PreferencesView {
  emailAvailable: boolean;
  hourlyMailLimit: number;
  kinds: { kind: string; label: { id: string; en: string }; email: boolean; emailByDefault: boolean }[];
}

const KEY = ['notifications'] as const;

/** The unread count behind the bell: polled every minute and when the window regains focus. */
export function useUnreadCount() {
  return useQuery({
    queryKey: [...KEY, 'unread'],
    queryFn: ({ signal }) => api<{ unread: number }>('/api/notifications/unread-count', { signal }),
    refetchInterval: 60_000,
    refetchOnWindowFocus: true,
    select: (data) => data.unread,
  });
}

/** The caller's notifications, newest first, a page at a time. */
export function useNotifications(unreadOnly: boolean, enabled: boolean) {
  return useInfiniteQuery({
    queryKey: [...KEY, 'list', unreadOnly],
    queryFn: ({ signal, pageParam }) =>
      api<NotificationPage>('/api/notifications', { signal, query: { page: pageParam, unread: unreadOnly ? 'true' : undefined } }),
    initialPageParam: 1,
    getNextPageParam: (last) => (last.page * last.pageSize < last.total ? last.page + 1 : undefined),
    enabled,
  });
}

/** Marks one notification read (id) or all (null); the list and the count follow. */
export function useMarkRead() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (id: string | null) =>
      api<{ marked: number; unread: number }>(id ? `/api/notifications/${id}/read` : '/api/notifications/read-all', { method: 'POST' }),
    onSuccess: (result) => {
      client.setQueryData([...KEY, 'unread'], { unread: result.unread });
      void client.invalidateQueries({ queryKey: [...KEY, 'list'] });
    },
  });
}

export function usePreferences(enabled: boolean) {
  return useQuery({
    queryKey: [...KEY, 'preferences'],
    queryFn: ({ signal }) => api<PreferencesView>('/api/notifications/preferences', { signal }),
    enabled,
  });
}

export function useSavePreference() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (choice: { kind: string; email: boolean }) =>
      api<PreferencesView>('/api/notifications/preferences', { method: 'PUT', body: { kinds: [choice] } }),
    onSuccess: (view) => client.setQueryData([...KEY, 'preferences'], view),
  });
}
