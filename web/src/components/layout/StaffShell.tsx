import { AppShell, Box, Burger, Divider, Drawer, Group, NavLink, ScrollArea, Text } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconLayoutGrid } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../lib/i18n';
import type { NavItem } from './nav';
import { SideNav } from './SideNav';
import { SkipLink } from './SkipLink';
import classes from './shells.module.css';

/** Props of the staff shell. */
export interface StaffShellProps {
  brand: ReactNode;
  actions: ReactNode;
  /** The app's full name at the top of the sidebar. */
  appTitle: string;
  /** The app's short name, the title of the phone drawer. */
  appName: string;
  appIcon: ReactNode;
  nav: NavItem[];
  children: ReactNode;
}

/**
 * The shell of the staff apps (E-office, SIMPEG, Smart City): a sidebar on wide screens that
 * becomes a drawer (focus-trapped, closed with Escape) behind a menu button on phones.
 */
export function StaffShell({ brand, actions, appTitle, appName, appIcon, nav, children }: StaffShellProps) {
  const t = useT();
  const [opened, { toggle, close }] = useDisclosure(false);

  const sidebar = (onNavigate?: () => void) => (
    <>
      <Group gap="sm" px="xs" py="sm" wrap="nowrap">
        {appIcon}
        <Text fw={650} fz="sm" lh={1.3} c="dark.7">
          {appTitle}
        </Text>
      </Group>
      <Divider my="xs" color="var(--app-border)" />
      <ScrollArea style={{ flex: 1 }} type="auto">
        <Box component="nav" aria-label={t('shell.appNav')}>
          <SideNav items={nav} onNavigate={onNavigate} />
        </Box>
      </ScrollArea>
      <Divider my="xs" color="var(--app-border)" />
      <NavLink
        component={Link}
        to="/"
        label={t('shell.allApps')}
        leftSection={<IconLayoutGrid size={18} stroke={1.7} />}
        onClick={onNavigate}
        styles={{ root: { borderRadius: 8 }, label: { fontWeight: 600 } }}
      />
    </>
  );

  return (
    <AppShell header={{ height: 64 }} navbar={{ width: 264, breakpoint: 'sm', collapsed: { mobile: true } }} padding={0}>
      <SkipLink />
      <AppShell.Header className={classes.staffHeader}>
        <Group h="100%" px={{ base: 'sm', sm: 'md' }} justify="space-between" wrap="nowrap" gap="sm">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={opened ? t('shell.closeMenu') : t('shell.openMenu')} aria-expanded={opened} />
            {brand}
          </Group>
          <Group gap="sm" wrap="nowrap">
            {actions}
          </Group>
        </Group>
      </AppShell.Header>
      {/* Collapsed on phones, AppShell only slides the sidebar off screen: its links would stay in
          the Tab order, invisible. Below `sm` it is not rendered; the drawer takes its place. */}
      <AppShell.Navbar p="sm" className={classes.navbar} visibleFrom="sm">
        {sidebar()}
      </AppShell.Navbar>
      <Drawer opened={opened} onClose={close} size={288} padding="sm" title={<Text fw={700}>{appName}</Text>} hiddenFrom="sm" closeButtonProps={{ 'aria-label': t('shell.closeMenu') }}>
        <Box style={{ display: 'flex', flexDirection: 'column', minHeight: 'calc(100dvh - 80px)' }}>{sidebar(close)}</Box>
      </Drawer>
      <AppShell.Main id="main" tabIndex={-1} className={classes.staffMain}>
        <Box px={{ base: 'md', sm: 'xl' }} py={{ base: 'md', sm: 'xl' }} maw={1280}>
          {children}
        </Box>
      </AppShell.Main>
    </AppShell>
  );
}
