import { IconBuildingBank, IconHierarchy2, IconUserCheck, IconUsers } from '@tabler/icons-react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT } from '../../lib/i18n';
import { AgencyRegistryPage } from '../../modules/personnel/AgencyRegistryPage';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { StaffLayout } from '../shells/StaffLayout';

const APP = appEntry('simpeg');

/** SIMPEG: the agency registry today; units, positions and employees come with the personnel module. */
export default function SimpegApp() {
  const t = useT();
  const nav: NavItem[] = [
    { label: t('nav.simpeg.agencies'), to: APP.path, end: true, icon: <IconBuildingBank size={18} stroke={1.7} /> },
    { label: t('nav.simpeg.positions'), to: `${APP.path}/jabatan`, soon: true, icon: <IconHierarchy2 size={18} stroke={1.7} /> },
    { label: t('nav.simpeg.employees'), to: `${APP.path}/pegawai`, soon: true, icon: <IconUsers size={18} stroke={1.7} /> },
    { label: t('nav.simpeg.delegations'), to: `${APP.path}/plt-plh`, soon: true, icon: <IconUserCheck size={18} stroke={1.7} /> },
  ];
  return (
    <StaffLayout app={APP} nav={nav}>
      <Routes>
        <Route index element={<AgencyRegistryPage appName={t(APP.name)} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </StaffLayout>
  );
}
