import { IconHome } from '@tabler/icons-react';
import { Route, Routes } from 'react-router';
import type { NavItem } from '../../components/layout/nav';
import { useT } from '../../lib/i18n';
import { appEntry } from '../catalogue';
import { NotFoundPage } from '../NotFoundPage';
import { CitizenLayout } from '../shells/CitizenLayout';
import { ComingSoon } from './ComingSoon';

const APP = appEntry('dolan');

/** Dolan: its home says what is coming until the module is built. */
export default function DolanApp() {
  const t = useT();
  const nav: NavItem[] = [{ label: t('shell.home'), to: APP.path, end: true, icon: <IconHome size={22} stroke={1.7} /> }];
  return (
    <CitizenLayout app={APP} nav={nav}>
      <Routes>
        <Route index element={<ComingSoon app={APP} />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </CitizenLayout>
  );
}
