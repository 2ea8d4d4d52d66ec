import '@mantine/core/styles/Switch.css';
import { Alert, Anchor, Badge, Button, Group, Loader, ScrollArea, Stack, Switch, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useState } from 'react';
import { Link } from 'react-router';
import { useI18n } from '../../lib/i18n';
import { useNotificationsT } from './i18n';
import { useMarkRead, useNotifications, type NotificationView } from './notifications.api';

function when(iso: string, locale: 'id' | 'en'): string {
  return new Intl.DateTimeFormat(locale === 'id' ? 'id-ID' : 'en-GB', { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The caller's notifications, newest first, with mark-read for one and for all. */
export function NotificationList({ enabled, onNavigate }: { enabled: boolean; onNavigate(): void }) {
  const t = useNotificationsT();
  const { locale } = useI18n();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const list = useNotifications(unreadOnly, enabled);
  const mark = useMarkRead();
  const items = list.data?.pages.flatMap((p) => p.items) ?? [];
  const unread = list.data?.pages[0]?.unread ?? 0;

  const open = (n: NotificationView) => {
    if (!n.readAt) mark.mutate(n.id);
    onNavigate();
  };

  return (
    <Stack gap="xs">
      <Group justify="space-between" gap="xs">
        <Switch size="xs" label={t('notifications.unreadOnly')} checked={unreadOnly} onChange={(e) => setUnreadOnly(e.currentTarget.checked)} />
        <Button size="compact-xs" variant="subtle" disabled={unread === 0 || mark.isPending} onClick={() => mark.mutate(null)}>
          {t('notifications.markAll')}
        </Button>
      </Group>
      {list.isPending && <Loader size="sm" mx="auto" aria-label={t('notifications.title')} />}
      {list.isError && <Alert color="red">{t('notifications.loadFailed')}</Alert>}
      {list.isSuccess && items.length === 0 && (
        <Text size="sm" c="dimmed" ta="center" py="md">{t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.empty')}</Text>
      )}
      <ScrollArea.Autosize mah={420} type="auto">
        <Stack gap={0} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
          {items.map((n) => (
            <li key={n.id} style={{ borderTop: '1px solid var(--mantine-color-default-border)', padding: '8px 2px' }}>
              <Group gap={6} wrap="nowrap" align="flex-start">
                {n.confidential && <IconLock size={16} aria-hidden style={{ flexShrink: 0, marginTop: 3 }} />}
                <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
                  <Text size="sm" fw={n.readAt ? 400 : 700}>
                    {n.link ? <Anchor component={Link} to={n.link} onClick={() => open(n)} inherit>{n.title}</Anchor> : n.title}
                  </Text>
                  {n.body && <Text size="xs" c="dimmed" lineClamp={3}>{n.body}</Text>}
                  <Text size="xs" c="dimmed">
                    {n.kindLabel[locale]} · {when(n.createdAt, locale)}
                    {n.position && ` · ${t('notifications.forPosition', { title: n.position.title })}`}
                  </Text>
                </Stack>
                {!n.readAt && (
                  <Stack gap={4} align="flex-end">
                    <Badge size="xs" color="red" variant="light">{t('notifications.unread')}</Badge>
                    <Button size="compact-xs" variant="subtle" onClick={() => mark.mutate(n.id)} aria-label={`${t('notifications.markRead')}: ${n.title}`}>
                      {t('notifications.markRead')}
                    </Button>
                  </Stack>
                )}
              </Group>
            </li>
          ))}
        </Stack>
        {list.hasNextPage && (
          <Button fullWidth variant="subtle" size="xs" loading={list.isFetchingNextPage} onClick={() => void list.fetchNextPage()}>
            {t('notifications.more')}
          </Button>
        )}
      </ScrollArea.Autosize>
    </Stack>
  );
}
