import { Box, Container, Group } from '@mantine/core';
import type { ReactNode } from 'react';
import { SkipLink } from './SkipLink';
import classes from './shells.module.css';

/** Props of the portal shell. */
export interface PortalShellProps {
  brand: ReactNode;
  /** Right side of the header: language switch, user menu or sign-in button. */
  actions: ReactNode;
  footer: ReactNode;
  children: ReactNode;
}

/** The shell of the launcher, sign-in and registration pages: a slim header, the page and a footer. */
export function PortalShell({ brand, actions, footer, children }: PortalShellProps) {
  return (
    <Box className={classes.page}>
      <SkipLink />
      <Box component="header" className={classes.header}>
        <Container size="lg" h="100%">
          <Group h="100%" justify="space-between" wrap="nowrap" gap="sm">
            {brand}
            <Group gap="sm" wrap="nowrap">
              {actions}
            </Group>
          </Group>
        </Container>
      </Box>
      <Box component="main" id="main" tabIndex={-1} className={classes.main}>
        {children}
      </Box>
      <Box component="footer" className={classes.footer}>
        <Container size="lg">{footer}</Container>
      </Box>
    </Box>
  );
}
