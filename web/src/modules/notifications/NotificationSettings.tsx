import '@mantine/core/styles/Switch.css';
import { Alert, Loader, Stack, Switch, Text } from '@mantine/core';
import { useI18n } from '../../lib/i18n';
import { useNotificationsT } from './i18n';
import { usePreferences, useSavePreference } from './notifications.api';

/** The e-mail choice per kind of notification (the centre always shows every one). */
export function NotificationSettings({ enabled }: { enabled: boolean }) {
  const t = useNotificationsT();
  const { locale } = useI18n();
  const prefs = usePreferences(enabled);
  const save = useSavePreference();

  if (prefs.isPending) return <Loader size="sm" mx="auto" aria-label={t('notifications.tabSettings')} />;
  if (prefs.isError) return <Alert color="red">{t('notifications.loadFailed')}</Alert>;
  const view = prefs.data;
  return (
    <Stack gap="xs">
      <Text size="sm">{t('notifications.settingsLead')}</Text>
      {!view.emailAvailable && <Alert color="gray">{t('notifications.emailUnavailable')}</Alert>}
      {view.emailAvailable && <Text size="xs" c="dimmed">{t('notifications.hourlyLimit', { count: view.hourlyMailLimit })}</Text>}
      {view.kinds.length === 0 && <Text size="sm" c="dimmed">{t('notifications.noKinds')}</Text>}
      {view.kinds.map((k) => (
        <Switch
          key={k.kind}
          label={k.label[locale]}
          description={t('notifications.email')}
          checked={k.email}
          disabled={!view.emailAvailable || save.isPending}
          onChange={(e) => save.mutate({ kind: k.kind, email: e.currentTarget.checked })}
        />
      ))}
      {save.isSuccess && <Text size="xs" c="teal" role="status">{t('notifications.saved')}</Text>}
      {save.isError && <Alert color="red">{t('notifications.loadFailed')}</Alert>}
    </Stack>
  );
}
