import { Box, Container, Group, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useMatch } from 'react-router';
import { useT } from '../../lib/i18n';
import type { NavItem } from './nav';
import { SkipLink } from './SkipLink';
import classes from './shells.module.css';

/** Props of the executive shell. */
export interface ExecutiveShellProps {
  brand: ReactNode;
  actions: ReactNode;
  tabs: NavItem[];
  children: ReactNode;
}

/** The shell of SATE: a dark header with the sections as tabs, and a wide canvas for dashboards. */
export function ExecutiveShell({ brand, actions, tabs, children }: ExecutiveShellProps) {
  const t = useT();
  return (
    <Box className={classes.page}>
      <SkipLink />
      <Box component="header" className={classes.execHeader}>
        <Container size={1440} px={{ base: 'md', sm: 'xl' }}>
          <Group h={64} justify="space-between" wrap="nowrap" gap="sm">
            {brand}
            <Group gap="sm" wrap="nowrap">
              {actions}
            </Group>
          </Group>
          <Box style={{ overflowX: 'auto' }}>
            <Group component="nav" aria-label={t('shell.appNav')} gap={4} pb={10} wrap="nowrap">
              {tabs.filter((tab) => !tab.soon).map((tab) => (
                <ExecTab key={tab.to} item={tab} />
              ))}
            </Group>
          </Box>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className={classes.execMain}>
        <Container size={1440} px={{ base: 'md', sm: 'xl' }} py={{ base: 'md', sm: 'xl' }}>
          {children}
        </Container>
      </Box>
    </Box>
  );
}

function ExecTab({ item }: { item: NavItem }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  return (
    <UnstyledButton component={Link} to={item.to} className={classes.execTab} data-active={active || undefined} aria-current={active ? 'page' : undefined}>
      <Group gap={6} wrap="nowrap">
        {item.icon}
        {item.label}
      </Group>
    </UnstyledButton>
  );
}
