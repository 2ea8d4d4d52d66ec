import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState, type ReactNode } from 'react';
import { usePersonnelT } from './i18n';
import { useEmployeeSearch, type EmployeeSummary } from './employees.api';
import { formatNip } from './personnel.format';

/** Props of the employee picker; it behaves like a Mantine input (value, error, label). */
export interface EmployeePickerProps {
  label: string;
  value: string;
  onChange(id: string, employee: EmployeeSummary | null): void;
  error?: ReactNode;
  onBlur?: () => void;
  name?: string;
  description?: string;
}

const optionLabel = (e: EmployeeSummary) => `${e.displayName} — ${formatNip(e.nip)}`;

/** A searchable select over the employee directory (name or NIP, searched on the server). */
export function EmployeePicker({ label, value, onChange, error, onBlur, name, description }: EmployeePickerProps) {
  const t = usePersonnelT();
  const [search, setSearch] = useState('');
  const [chosen, setChosen] = useState<EmployeeSummary | null>(null);
  // Once a person is chosen the box shows their label; searching that text would find nothing.
  const typed = chosen && search === optionLabel(chosen) ? '' : search.trim();
  const [q] = useDebouncedValue(typed, 250);
  const results = useEmployeeSearch(q);

  const items = useMemo(() => {
    const found = results.data?.items ?? [];
    return chosen && !found.some((e) => e.id === chosen.id) ? [chosen, ...found] : found;
  }, [results.data, chosen]);

  let nothingFound = t('picker.typeMore');
  if (q.length >= 2) nothingFound = results.isFetching ? t('shell.loading') : t('picker.nothingFound');

  return (
    <Select
      label={label}
      description={description}
      name={name}
      required
      searchable
      clearable
      allowDeselect={false}
      clearButtonProps={{ 'aria-label': t('table.clearSelection') }}
      placeholder={t('picker.placeholder')}
      data={items.map((e) => ({ value: e.id, label: optionLabel(e) }))}
      // The server already searched; filtering again on the label would hide NIP matches typed with spaces.
      filter={({ options }) => options}
      searchValue={search}
      onSearchChange={setSearch}
      value={value || null}
      onChange={(id) => {
        const employee = items.find((e) => e.id === id) ?? null;
        setChosen(employee);
        onChange(id ?? '', employee);
      }}
      nothingFoundMessage={nothingFound}
      error={error}
      onBlur={onBlur}
      maxDropdownHeight={280}
      comboboxProps={{ withinPortal: true }}
      data-testid="employee-picker"
    />
  );
}
