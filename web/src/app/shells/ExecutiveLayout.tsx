import { Brand } from '../../components/Brand';
import { ExecutiveShell } from '../../components/layout/ExecutiveShell';
import { useDocumentTitle } from '../../lib/document-title';
import { useT } from '../../lib/i18n';
import { AccountActions } from './AccountActions';
import type { AppLayoutProps } from './app-layout';

/** SATE inside the executive shell. */
export function ExecutiveLayout({ app, nav, children }: AppLayoutProps) {
  const t = useT();
  useDocumentTitle(t(app.name));
  return (
    <ExecutiveShell brand={<Brand title={`${t(app.name)} Tegal`} subtitle={t(app.fullName)} to={app.path} inverted compact />} actions={<AccountActions inverted />} tabs={nav}>
      {children}
    </ExecutiveShell>
  );
}
