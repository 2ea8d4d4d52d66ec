import { Alert } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import type { Ref } from 'react';

/**
 * Why the last submit was refused, when the reason belongs to no field; nothing while there is none.
 * Given `ref`, the alert can take the focus (useSubmitFailure moves it there), so the keyboard and the
 * screen reader land on the message instead of staying on the button.
 */
export function FormAlert({ message, ref }: { message: string | null; ref?: Ref<HTMLDivElement> }) {
  if (!message) return null;
  return (
    <Alert ref={ref} tabIndex={ref ? -1 : undefined} color="red" variant="light" icon={<IconAlertCircle size={20} />} role="alert" data-testid="form-error">
      {message}
    </Alert>
  );
}
