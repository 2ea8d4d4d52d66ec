import { IconLayoutDashboard } from '@tabler/icons-react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT } from '../../lib/i18n';
import { SummaryPage } from '../../modules/dashboard/SummaryPage';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { ExecutiveLayout } from '../shells/ExecutiveLayout';
import { PlannedFeatures } from './ComingSoon';

const APP = appEntry('sate');

/** SATE, the executive dashboard: the regency's figures today; KPIs arrive with the dashboard module. */
export default function SateApp() {
  const t = useT();
  const nav: NavItem[] = [{ label: t('nav.sate.summary'), to: APP.path, end: true, icon: <IconLayoutDashboard size={16} stroke={1.8} /> }];
  return (
    <ExecutiveLayout app={APP} nav={nav}>
      <Routes>
        <Route index element={<SummaryPage eyebrow={t(APP.fullName)} planned={<PlannedFeatures app={APP} />} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </ExecutiveLayout>
  );
}
