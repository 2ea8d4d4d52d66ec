import { Badge, Box, Container, Group, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link, useMatch } from 'react-router';
import { useT } from '../../lib/i18n';
import type { NavItem } from './nav';
import { SkipLink } from './SkipLink';
import classes from './shells.module.css';

/** Props of the citizen shell. */
export interface CitizenShellProps {
  brand: ReactNode;
  actions: ReactNode;
  /** Sections of the app, shown as tabs in the header on wide screens. */
  nav: NavItem[];
  /** The phone's bottom bar: the sections plus "all apps" and, signed out, "sign in". */
  bottomNav: NavItem[];
  footer: ReactNode;
  children: ReactNode;
}

/**
 * The shell of the citizen apps (Segalengko, Dolan, Satu Data): light, phone first, with the app's
 * sections in a bottom navigation bar on phones, where thumbs reach.
 */
export function CitizenShell({ brand, actions, nav, bottomNav, footer, children }: CitizenShellProps) {
  const t = useT();
  return (
    <Box className={classes.page}>
      <SkipLink />
      <Box component="header" className={classes.header}>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            <Group gap="xl" wrap="nowrap" style={{ minWidth: 0 }}>
              {brand}
              <Group component="nav" aria-label={t('shell.appNav')} gap={4} visibleFrom="sm" wrap="nowrap">
                {nav.map((item) => (
                  <HeaderTab key={item.to} item={item} />
                ))}
              </Group>
            </Group>
            <Group gap="sm" wrap="nowrap">
              {actions}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className={`${classes.main} ${classes.withBottomNav}`}>
        <Container size="lg" py={{ base: 'md', sm: 'xl' }}>
          {children}
        </Container>
      </Box>
      <Box component="footer" className={`${classes.footer} ${classes.withBottomNav}`}>
        <Container size="lg">{footer}</Container>
      </Box>
      <Box component="nav" aria-label={t('shell.mainNav')} className={classes.bottomNav} hiddenFrom="sm">
        {bottomNav
          .filter((item) => !item.soon)
          .map((item) => (
            <BottomTab key={item.to} item={item} />
          ))}
      </Box>
    </Box>
  );
}

function HeaderTab({ item }: { item: NavItem }) {
  const t = useT();
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  if (item.soon) {
    return (
      <Group gap={6} px="sm" py={6} c="dimmed" aria-disabled="true" wrap="nowrap">
        <Text fz="sm" fw={500}>
          {item.label}
        </Text>
        <Badge size="xs" variant="light" color="gray">
          {t('shell.soon')}
        </Badge>
      </Group>
    );
  }
  return (
    <UnstyledButton component={Link} to={item.to} className={classes.headerTab} data-active={active || undefined} aria-current={active ? 'page' : undefined}>
      {item.label}
    </UnstyledButton>
  );
}

function BottomTab({ item }: { item: NavItem }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  return (
    <UnstyledButton component={Link} to={item.to} className={classes.bottomTab} data-active={active || undefined} aria-current={active ? 'page' : undefined}>
      {item.icon}
      <span>{item.label}</span>
    </UnstyledButton>
  );
}
