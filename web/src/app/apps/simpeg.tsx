import { IconBuildingBank, IconFileImport, IconHierarchy2, IconUserCircle, IconUsers } from '@tabler/icons-react';
import { lazy, Suspense, type ReactNode } from 'react';
import { Navigate, Route, Routes, useParams } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT } from '../../lib/i18n';
import { PageSkeleton } from '../../components/Skeletons';
import { AgencyRegistryPage } from '../../modules/personnel/AgencyRegistryPage';
import { usePersonnelAccess } from '../../modules/personnel/personnel.access';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { StaffLayout } from '../shells/StaffLayout';

const APP = appEntry('simpeg');

// Each screen is its own chunk, so opening SIMPEG costs no more than its home (the agency registry);
// forms, tabs and the import wizard load with the page that uses them.
const OrgChartPage = lazy(() => import('../../modules/personnel/OrgChartPage').then((m) => ({ default: m.OrgChartPage })));
const DirectoryPage = lazy(() => import('../../modules/personnel/DirectoryPage').then((m) => ({ default: m.DirectoryPage })));
const EmployeeProfilePage = lazy(() => import('../../modules/personnel/ProfilePage').then((m) => ({ default: m.EmployeeProfilePage })));
const MyProfilePage = lazy(() => import('../../modules/personnel/ProfilePage').then((m) => ({ default: m.MyProfilePage })));
const ImportPage = lazy(() => import('../../modules/personnel/ImportPage').then((m) => ({ default: m.ImportPage })));

// The address shared in links (`/simpeg/opd/:id`, which the server answers with the agency's preview
// metadata) opens that agency's org chart.
function AgencyLink() {
  const { id = '' } = useParams();
  return <Navigate replace to={`${APP.path}/struktur?opd=${encodeURIComponent(id)}`} />;
}

const page = (element: ReactNode) => <Suspense fallback={<PageSkeleton />}>{element}</Suspense>;

/**
 * SIMPEG: the agency registry, the org chart with holders and Plt/Plh, the employee directory and
 * profiles, the signed-in user's own record, and (for BKPSDM and agency admins) the import wizard.
 */
export default function SimpegApp() {
  const t = useT();
  const { canManageAny } = usePersonnelAccess();
  const appName = t(APP.name);
  const icon = (Icon: typeof IconUsers) => <Icon size={18} stroke={1.7} />;
  const nav: NavItem[] = [
    { label: t('nav.simpeg.agencies'), to: APP.path, end: true, icon: icon(IconBuildingBank) },
    { label: t('nav.simpeg.orgChart'), to: `${APP.path}/struktur`, icon: icon(IconHierarchy2) },
    { label: t('nav.simpeg.employees'), to: `${APP.path}/pegawai`, icon: icon(IconUsers) },
    { label: t('nav.simpeg.myProfile'), to: `${APP.path}/saya`, icon: icon(IconUserCircle) },
    ...(canManageAny ? [{ label: t('nav.simpeg.import'), to: `${APP.path}/impor`, icon: icon(IconFileImport) }] : []),
  ];
  return (
    <StaffLayout app={APP} nav={nav}>
      <Routes>
        <Route index element={<AgencyRegistryPage appName={appName} />} />
        <Route path="struktur" element={page(<OrgChartPage appName={appName} />)} />
        <Route path="opd/:id" element={<AgencyLink />} />
        <Route path="pegawai" element={page(<DirectoryPage appName={appName} />)} />
        <Route path="pegawai/:id" element={page(<EmployeeProfilePage appName={appName} />)} />
        <Route path="saya" element={page(<MyProfilePage appName={appName} />)} />
        <Route path="impor" element={page(<ImportPage appName={appName} />)} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </StaffLayout>
  );
}
