import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { Link, useMatch } from 'react-router';
import { useT } from '../../lib/i18n';
import type { NavItem } from './nav';
import classes from './shells.module.css';

/** The vertical navigation of the staff shell: built sections, then the planned ones greyed out. */
export function SideNav({ items, onNavigate }: { items: NavItem[]; onNavigate?: () => void }) {
  const t = useT();
  const built = items.filter((i) => !i.soon);
  const planned = items.filter((i) => i.soon);
  return (
    <Stack gap={2}>
      {built.map((item) => (
        <SideLink key={item.to} item={item} onNavigate={onNavigate} />
      ))}
      {planned.length > 0 && (
        <>
          <Text className={classes.navSection} mt="lg" mb={4}>
            {t('shell.comingSoonGroup')}
          </Text>
          {planned.map((item) => (
            <NavLink
              key={item.to}
              label={item.label}
              leftSection={item.icon}
              rightSection={
                <Badge size="xs" variant="light" color="gray">
                  {t('shell.soon')}
                </Badge>
              }
              disabled
              // Not a link yet, but still text to read: dimmed (5.9:1) instead of Mantine's 40 %
              // opacity (2.4:1), which WCAG exempts only for controls, not for what they say.
              styles={{ root: { borderRadius: 8, opacity: 1, color: 'var(--mantine-color-dimmed)' }, label: { fontWeight: 500 } }}
            />
          ))}
        </>
      )}
    </Stack>
  );
}

function SideLink({ item, onNavigate }: { item: NavItem; onNavigate?: (() => void) | undefined }) {
  const active = useMatch({ path: item.to, end: item.end ?? false }) !== null;
  return (
    <NavLink
      component={Link}
      to={item.to}
      label={item.label}
      leftSection={item.icon}
      active={active}
      aria-current={active ? 'page' : undefined}
      onClick={onNavigate}
      variant="light"
      styles={{ root: { borderRadius: 8 }, label: { fontWeight: 600 } }}
    />
  );
}
