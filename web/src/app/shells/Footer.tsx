import { Group, Stack, Text } from '@mantine/core';
import { useT } from '../../lib/i18n';

/** The footer line of the portal and citizen shells: owner and the region-data credit (ODbL). */
export function Footer() {
  const t = useT();
  return (
    <Group justify="space-between" gap="xs" align="flex-start">
      <Stack gap={2}>
        <Text fz="sm" fw={600} c="dark.6">
          {t('platform.owner')}
        </Text>
        <Text fz="xs" c="dimmed">
          {t('platform.footer', { year: new Date().getFullYear() })}
        </Text>
      </Stack>
      <Text fz="xs" c="dimmed">
        {t('platform.regionCredit')}
      </Text>
    </Group>
  );
}
