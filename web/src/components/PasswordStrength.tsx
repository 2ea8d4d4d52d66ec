import { Progress, Stack, Text } from '@mantine/core';
import { useT, type MessageKey } from '../lib/i18n';
import { estimateStrength } from '../lib/password-strength';

const COLORS = ['red.8', 'red.7', 'yellow.7', 'teal.7', 'green.8'] as const;

/** A strength bar with its level in words and a hint, under a new-password field. */
export function PasswordStrength({ value, avoid = [], id }: { value: string; avoid?: string[]; id?: string }) {
  const t = useT();
  const score = estimateStrength(value, avoid);
  const level = t(`password.level${score}` as MessageKey);
  return (
    <Stack gap={6} mt={8} id={id}>
      <Progress.Root size={6} aria-hidden>
        {[0, 1, 2, 3].map((i) => (
          <Progress.Section key={i} value={25} color={value && i <= Math.max(0, score - 1) ? COLORS[score] : 'gray.2'} style={{ marginRight: i < 3 ? 3 : 0 }} />
        ))}
      </Progress.Root>
      {value && (
        // The words in the body colour: the bar's yellow and light greens are too pale for small text (WCAG 1.4.3).
        <Text fz="xs" fw={600} aria-live="polite">
          {t('password.strength', { level })}
        </Text>
      )}
      <Text fz="xs" c="dimmed">
        {t('password.hint')}
      </Text>
    </Stack>
  );
}
