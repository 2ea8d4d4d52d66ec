import '@mantine/core/styles/Indicator.css';
import '@mantine/core/styles/Tabs.css';
import { ActionIcon, Indicator, Popover, Tabs, Title, VisuallyHidden } from '@mantine/core';
import { IconBell } from '@tabler/icons-react';
import { useEffect, useRef, useState } from 'react';
import { useNotificationsT } from './i18n';
import { useUnreadCount } from './notifications.api';
import { NotificationList } from './NotificationList';
import { NotificationSettings } from './NotificationSettings';

/**
 * The bell in the staff and citizen headers: the unread count in the button's name and badge, a live
 * region announcing new ones, and a popover with the list and the e-mail settings. Loaded lazily, for
 * signed-in users only.
 */
export function NotificationBell({ inverted = false }: { inverted?: boolean }) {
  const t = useNotificationsT();
  const [opened, setOpened] = useState(false);
  const [tab, setTab] = useState<string | null>('list');
  const { data: unread = 0 } = useUnreadCount();
  const [announcement, setAnnouncement] = useState('');
  const previous = useRef<number | null>(null);

  // Announce a rise of the count (not the first load), so screen-reader users hear of new ones.
  useEffect(() => {
    if (previous.current !== null && unread > previous.current) {
      setAnnouncement(t('notifications.announceNew', { count: unread - previous.current }));
    }
    previous.current = unread;
  }, [unread, t]);

  const label = unread > 0 ? t('notifications.buttonUnread', { count: unread }) : t('notifications.button');
  return (
    <>
      <VisuallyHidden aria-live="polite" role="status">{announcement}</VisuallyHidden>
      {/* The badge wraps the whole popover, so the button itself is the popover's target and carries
          its aria-expanded (on the badge's <div> that attribute is not allowed). */}
      <Indicator label={unread > 99 ? '99+' : unread} size={18} disabled={unread === 0} color="red" offset={6}>
        <Popover opened={opened} onChange={setOpened} position="bottom-end" width="min(380px, calc(100vw - 16px))" shadow="md" withinPortal trapFocus returnFocus>
          <Popover.Target>
            <ActionIcon
              variant={inverted ? 'white' : 'subtle'}
              size={38}
              radius="xl"
              aria-label={label}
              aria-haspopup="dialog"
              aria-expanded={opened}
              onClick={() => setOpened((o) => !o)}
            >
              <IconBell size={22} aria-hidden />
            </ActionIcon>
          </Popover.Target>
          <Popover.Dropdown p="sm" role="dialog" aria-label={t('notifications.title')}>
            <Title order={2} size="h5" mb="xs">{t('notifications.title')}</Title>
            <Tabs value={tab} onChange={setTab} keepMounted={false}>
              <Tabs.List grow mb="xs">
                <Tabs.Tab value="list">{t('notifications.tabList')}</Tabs.Tab>
                <Tabs.Tab value="settings">{t('notifications.tabSettings')}</Tabs.Tab>
              </Tabs.List>
              <Tabs.Panel value="list">
                <NotificationList enabled={opened} onNavigate={() => setOpened(false)} />
              </Tabs.Panel>
              <Tabs.Panel value="settings">
                <NotificationSettings enabled={opened} />
              </Tabs.Panel>
            </Tabs>
          </Popover.Dropdown>
        </Popover>
      </Indicator>
    </>
  );
}
