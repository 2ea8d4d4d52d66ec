import { ThemeIcon } from '@mantine/core';
import { Brand } from '../../components/Brand';
import { StaffShell } from '../../components/layout/StaffShell';
import { useDocumentTitle } from '../../lib/document-title';
import { useT } from '../../lib/i18n';
import { AccountActions } from './AccountActions';
import type { AppLayoutProps } from './app-layout';

/** A staff app (E-office, SIMPEG, Smart City) inside the staff shell. */
export function StaffLayout({ app, nav, children }: AppLayoutProps) {
  const t = useT();
  useDocumentTitle(t(app.name));
  const Icon = app.icon;
  return (
    <StaffShell
      brand={<Brand title={t(app.name)} subtitle={t('platform.owner')} to={app.path} compact />}
      actions={<AccountActions />}
      appTitle={t(app.fullName)}
      appName={t(app.name)}
      appIcon={
        <ThemeIcon variant="light" color={app.color} size={36} radius="md">
          <Icon size={20} stroke={1.7} />
        </ThemeIcon>
      }
      nav={nav}
    >
      {children}
    </StaffShell>
  );
}
