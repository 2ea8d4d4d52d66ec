import { Text } from '@mantine/core';
import { usePersonnelT } from './i18n';

/** A field label followed by a dimmed "(opsional)", as every form of the platform marks optional fields. */
export function OptionalLabel({ label }: { label: string }) {
  const t = usePersonnelT();
  return (
    <>
      {label}{' '}
      <Text span c="dimmed" fz="sm" fw={400}>
        ({t('register.optional')})
      </Text>
    </>
  );
}
