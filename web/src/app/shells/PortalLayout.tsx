import type { ReactNode } from 'react';
import { Outlet } from 'react-router';
import { Brand } from '../../components/Brand';
import { PortalShell } from '../../components/layout/PortalShell';
import { useT } from '../../lib/i18n';
import { AccountActions } from './AccountActions';
import { Footer } from './Footer';

/** The portal pages (launcher, sign-in, registration, no access, not found) inside the portal shell. */
export function PortalLayout({ showSignIn = true, children }: { showSignIn?: boolean; children?: ReactNode }) {
  const t = useT();
  return (
    <PortalShell
      brand={<Brand title={t('platform.name')} subtitle={t('platform.owner')} compact />}
      actions={<AccountActions showSignIn={showSignIn} />}
      footer={<Footer />}
    >
      {children ?? <Outlet />}
    </PortalShell>
  );
}
