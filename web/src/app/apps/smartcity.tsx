import { IconChecklist, IconHome, IconMessages, IconTargetArrow } from '@tabler/icons-react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT } from '../../lib/i18n';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { StaffLayout } from '../shells/StaffLayout';
import { ComingSoon } from './ComingSoon';

const APP = appEntry('smartcity');

/** Smart City & SPBE: its home says what is coming until the smart-city module is built. */
export default function SmartCityApp() {
  const t = useT();
  const nav: NavItem[] = [
    { label: t('shell.home'), to: APP.path, end: true, icon: <IconHome size={18} stroke={1.7} /> },
    { label: t('nav.smartcity.masterplan'), to: `${APP.path}/masterplan`, soon: true, icon: <IconTargetArrow size={18} stroke={1.7} /> },
    { label: t('nav.smartcity.spbe'), to: `${APP.path}/spbe`, soon: true, icon: <IconChecklist size={18} stroke={1.7} /> },
    { label: t('nav.smartcity.forum'), to: `${APP.path}/forum`, soon: true, icon: <IconMessages size={18} stroke={1.7} /> },
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
