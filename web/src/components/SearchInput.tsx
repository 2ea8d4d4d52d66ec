import { CloseButton, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useT } from '../lib/i18n';

/** Props of a search box. */
export interface SearchInputProps {
  /** Visible label (kept for screen readers; shown above the box when `showLabel`). */
  label: string;
  value: string;
  onChange(value: string): void;
  placeholder?: string;
  showLabel?: boolean;
  maxLength?: number;
}

/** A labelled search box with a clear button; the caller debounces what it sends to the server. */
export function SearchInput({ label, value, onChange, placeholder, showLabel = false, maxLength = 100 }: SearchInputProps) {
  const t = useT();
  return (
    <TextInput
      type="search"
      label={label}
      labelProps={showLabel ? undefined : { className: 'visually-hidden' }}
      placeholder={placeholder ?? label}
      value={value}
      maxLength={maxLength}
      onChange={(e) => onChange(e.currentTarget.value)}
      leftSection={<IconSearch size={18} stroke={1.8} aria-hidden />}
      rightSection={value ? <CloseButton size="sm" aria-label={t('table.clearSearch')} onClick={() => onChange('')} /> : null}
      style={{ flex: '1 1 240px' }}
    />
  );
}
