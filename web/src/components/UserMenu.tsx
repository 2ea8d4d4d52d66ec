import { Avatar, Box, Group, Menu, Text, UnstyledButton } from '@mantine/core';
import { IconChevronDown, IconLayoutGrid, IconLogout, IconUsersGroup } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useT } from '../lib/i18n';

/** Props of the signed-in user's menu. */
export interface UserMenuProps {
  name: string;
  /** A second line: the user's agency, or the account kind. */
  detail: string;
  onSignOut(): void;
  inverted?: boolean;
  /** Offer the user administration page (for holders of a users:manage permission). */
  manageUsers?: boolean;
}

/** Initials of a name for the avatar: "Siti Nurhaliza" → "SN". */
export function initials(name: string): string {
  // Words that start with a letter only: "Bupati Tegal (demo)" → "BT".
  const parts = name.trim().split(/\s+/).filter((w) => /^\p{L}/u.test(w));
  return ((parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')).toUpperCase() || '?';
}

/** The avatar button opening a menu with who is signed in, the app list, user administration for its managers, and sign out. */
export function UserMenu({ name, detail, onSignOut, inverted = false, manageUsers = false }: UserMenuProps) {
  const t = useT();
  return (
    <Menu position="bottom-end" width={260} shadow="md" withinPortal>
      <Menu.Target>
        {/* The name holds what the button shows, in order (WCAG 2.5.3): the initials (all a phone
            shows), then name and agency or role, so a speech user can say what they see. */}
        <UnstyledButton aria-label={`${t('shell.userMenu')}: ${initials(name)}, ${name}, ${detail}`} data-testid="user-menu" style={{ borderRadius: 999 }} p={4}>
          <Group gap={8} wrap="nowrap">
            <Avatar radius="xl" size={34} color={inverted ? 'gold' : 'tegal'} variant={inverted ? 'filled' : 'light'}>
              {initials(name)}
            </Avatar>
            {/* Spaces between the blocks (invisible in a flex row) keep the words apart for tools
                that read the button's text as one string, as axe does for WCAG 2.5.3. */}{' '}
            <Box visibleFrom="md" style={{ lineHeight: 1.2, maxWidth: 200 }}>
              <Text fz="sm" fw={600} c={inverted ? 'white' : undefined} truncate>
                {name}
              </Text>{' '}
              <Text fz="xs" c={inverted ? 'gray.3' : 'dimmed'} truncate>
                {detail}
              </Text>
            </Box>
            <IconChevronDown size={16} color={inverted ? '#fff' : 'currentColor'} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Box px="sm" py="xs">
          <Text fz="xs" c="dimmed">
            {t('shell.signedInAs')}
          </Text>
          <Text fz="sm" fw={600}>
            {name}
          </Text>
          <Text fz="xs" c="dimmed">
            {detail}
          </Text>
        </Box>
        <Menu.Divider />
        <Menu.Item component={Link} to="/" leftSection={<IconLayoutGrid size={16} />}>
          {t('shell.allApps')}
        </Menu.Item>
        {manageUsers && (
          <Menu.Item component={Link} to="/pengguna" leftSection={<IconUsersGroup size={16} />}>
            {t('shell.manageUsers')}
          </Menu.Item>
        )}
        <Menu.Item color="red" leftSection={<IconLogout size={16} />} onClick={onSignOut}>
          {t('shell.signOut')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}
