import { Button, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconAlertTriangle, IconRefresh, IconWifiOff } from '@tabler/icons-react';
import { isApiError } from '../lib/api';
import { useT } from '../lib/i18n';

/** Props of an error state. */
export interface ErrorStateProps {
  error: unknown;
  /** Shown as a "try again" button when given. */
  onRetry?: () => void;
  title?: string;
  framed?: boolean;
}

/**
 * What a page shows when its data failed to load: what happened in plain words, a retry button,
 * and the request id in small type so support can find the server log entry.
 */
export function ErrorState({ error, onRetry, title, framed = true }: ErrorStateProps) {
  const t = useT();
  const offline = isApiError(error, 0);
  let message = t('state.serverError');
  if (offline) message = t('state.networkError');
  else if (isApiError(error) && error.status < 500) message = error.message;
  const requestId = isApiError(error) ? error.requestId : undefined;

  const body = (
    <Stack align="center" gap="sm" py="xl" px="md" role="alert" ta="center">
      <ThemeIcon size={56} radius="xl" variant="light" color={offline ? 'gray' : 'red'}>
        {offline ? <IconWifiOff size={28} stroke={1.6} /> : <IconAlertTriangle size={28} stroke={1.6} />}
      </ThemeIcon>
      <Title order={2} fz="lg">
        {title ?? t('state.errorTitle')}
      </Title>
      <Text c="dimmed" maw={480}>
        {message}
      </Text>
      {onRetry && (
        <Button variant="light" leftSection={<IconRefresh size={18} />} onClick={onRetry} mt="xs">
          {t('state.retry')}
        </Button>
      )}
      {requestId && (
        <Text fz="xs" c="dimmed" ff="monospace" mt="xs">
          {t('state.requestId', { id: requestId })}
        </Text>
      )}
    </Stack>
  );
  return framed ? <Paper withBorder>{body}</Paper> : body;
}
