import { useT } from '../../lib/i18n';

/** The first focusable element of every shell: jumps keyboard users past the navigation. */
export function SkipLink() {
  const t = useT();
  return (
    <a className="skip-link" href="#main">
      {t('shell.skipToContent')}
    </a>
  );
}
