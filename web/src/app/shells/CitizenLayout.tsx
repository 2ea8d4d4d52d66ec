import { IconLayoutGrid, IconLogin } from '@tabler/icons-react';
import { useLocation } from 'react-router';
import { Brand } from '../../components/Brand';
import { CitizenShell } from '../../components/layout/CitizenShell';
import type { NavItem } from '../../components/layout/nav';
import { useDocumentTitle } from '../../lib/document-title';
import { useT } from '../../lib/i18n';
import { useMe } from '../../modules/identity/session';
import { AccountActions } from './AccountActions';
import type { AppLayoutProps } from './app-layout';
import { Footer } from './Footer';

/** A citizen app (Segalengko, Dolan, Satu Data) inside the citizen shell. */
export function CitizenLayout({ app, nav, children }: AppLayoutProps) {
  const t = useT();
  const { data: me } = useMe();
  const location = useLocation();
  useDocumentTitle(t(app.name));
  const bottomNav: NavItem[] = [
    ...nav,
    { label: t('shell.allApps'), to: '/', end: true, icon: <IconLayoutGrid size={22} stroke={1.7} /> },
  ];
  if (me === null) {
    bottomNav.push({
      label: t('shell.signIn'),
      to: `/masuk?next=${encodeURIComponent(location.pathname)}`,
      icon: <IconLogin size={22} stroke={1.7} />,
    });
  }
  return (
    <CitizenShell
      brand={<Brand title={t(app.name)} subtitle={t('platform.owner')} to={app.path} compact />}
      actions={<AccountActions />}
      nav={nav}
      bottomNav={bottomNav}
      footer={<Footer />}
    >
      {children}
    </CitizenShell>
  );
}
