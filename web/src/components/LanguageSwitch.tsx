import { SegmentedControl } from '@mantine/core';
import { useI18n, type Locale } from '../lib/i18n';

/** Switches the interface between Bahasa Indonesia and English; the choice is remembered. */
export function LanguageSwitch({ inverted = false }: { inverted?: boolean }) {
  const { locale, setLocale, t } = useI18n();
  return (
    <SegmentedControl
      size="xs"
      radius="md"
      value={locale}
      onChange={(value) => setLocale(value as Locale)}
      aria-label={t('shell.language')}
      data={[
        { value: 'id', label: <span lang="id" aria-label="Bahasa Indonesia">ID</span> },
        { value: 'en', label: <span lang="en" aria-label="English">EN</span> },
      ]}
      styles={inverted ? { root: { background: 'rgba(255,255,255,0.12)' }, label: { color: '#fff' } } : undefined}
      color={inverted ? 'gold' : undefined}
      data-testid="language-switch"
    />
  );
}
