import { IconArchive, IconArrowsSplit, IconFilePencil, IconHome, IconInbox } from '@tabler/icons-react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT } from '../../lib/i18n';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { StaffLayout } from '../shells/StaffLayout';
import { ComingSoon } from './ComingSoon';

const APP = appEntry('eoffice');

/** E-office: its home says what is coming until the correspondence module is built. */
export default function EofficeApp() {
  const t = useT();
  const nav: NavItem[] = [
    { label: t('shell.home'), to: APP.path, end: true, icon: <IconHome size={18} stroke={1.7} /> },
    { label: t('nav.eoffice.inbox'), to: `${APP.path}/surat-masuk`, soon: true, icon: <IconInbox size={18} stroke={1.7} /> },
    { label: t('nav.eoffice.drafts'), to: `${APP.path}/konsep`, soon: true, icon: <IconFilePencil size={18} stroke={1.7} /> },
    { label: t('nav.eoffice.dispositions'), to: `${APP.path}/disposisi`, soon: true, icon: <IconArrowsSplit size={18} stroke={1.7} /> },
    { label: t('nav.eoffice.archive'), to: `${APP.path}/arsip`, soon: true, icon: <IconArchive size={18} stroke={1.7} /> },
  ];
  return (
    <StaffLayout app={APP} nav={nav}>
      <Routes>
        <Route index element={<ComingSoon app={APP} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </StaffLayout>
  );
}
