import { useSubmitFailure } from '../../lib/form-failure';
import type { EmployeeProfile } from './employees.api';
import { useAddHistory, type HistoryBodies, type HistorySection } from './history.api';
import { usePersonnelT } from './i18n';

/** Props of each history form. */
export interface HistoryFormProps {
  employee: EmployeeProfile;
  /** Called when the dialog closes: `saved` after the server accepted the record. */
  onClose(saved: boolean): void;
}

/**
 * Sends a history form's record and sorts a refusal into messages under the form's fields (the
 * server names them in `details.fields`) or the alert; closes the dialog once the record is saved.
 * `dialog` is what the form's FormDialog needs of it, the same for all four forms.
 */
export function useHistorySubmit<S extends HistorySection>(employeeId: string, section: S, fields: readonly string[], onClose: (saved: boolean) => void) {
  const t = usePersonnelT();
  const add = useAddHistory(employeeId, section);
  const { failure, setFailure, alertRef, report } = useSubmitFailure(t, fields);
  const save = async (body: HistoryBodies[S], setErrors: (errors: Record<string, string>) => void): Promise<void> => {
    setFailure(null);
    try {
      await add.mutateAsync(body);
      onClose(true);
    } catch (error) {
      report(error, setErrors);
    }
  };
  return { save, dialog: { failure, alertRef, pending: add.isPending, onClose: () => onClose(false) } };
}
