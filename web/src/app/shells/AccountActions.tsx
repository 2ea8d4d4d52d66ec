import { ActionIcon, Avatar, Button } from '@mantine/core';
import { IconLogin } from '@tabler/icons-react';
import { lazy, Suspense } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { LanguageSwitch } from '../../components/LanguageSwitch';
import { useT } from '../../lib/i18n';
import { accountLabel } from '../../modules/identity/account-label';
import { useMe, useSignOut } from '../../modules/identity/session';

// The menu (with its popover positioning library) loads only for signed-in users: visitors of the
// public pages do not pay for it.
const UserMenu = lazy(() => import('../../components/UserMenu').then((m) => ({ default: m.UserMenu })));
// The bell (with its polling and popover) too: only signed-in users load it.
const NotificationBell = lazy(() => import('../../modules/notifications/NotificationBell').then((m) => ({ default: m.NotificationBell })));

const firstLetter = (name: string) => name.match(/\p{L}/u)?.[0]?.toUpperCase() ?? '';

/** The right side of every header: language switch, then the user menu or a sign-in button. */
export function AccountActions({ inverted = false, showSignIn = true }: { inverted?: boolean; showSignIn?: boolean }) {
  const t = useT();
  const { data: me } = useMe();
  const signOut = useSignOut();
  const navigate = useNavigate();
  const location = useLocation();

  const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
  return (
    <>
      <LanguageSwitch inverted={inverted} />
      {me && (
        <Suspense fallback={null}>
          <NotificationBell inverted={inverted} />
        </Suspense>
      )}
      {me ? (
        <Suspense
          fallback={
            <Avatar radius="xl" size={34} m={4} color={inverted ? 'gold' : 'tegal'} variant={inverted ? 'filled' : 'light'}>
              {firstLetter(me.displayName)}
            </Avatar>
          }
        >
          <UserMenu
            name={me.displayName}
            detail={accountLabel(me, t)}
            inverted={inverted}
            manageUsers={me.permissions.includes('users:manage') || me.permissions.includes('users:manage-agency')}
            // Leave the page first: once the session is cleared this header may unmount (a staff app
            // sends visitors to sign in), and a mutate() callback is dropped with its component.
            onSignOut={() => {
              navigate('/');
              signOut.mutate();
            }}
          />
        </Suspense>
      ) : (
        showSignIn &&
        me === null && (
          <>
            <Button
              component={Link}
              to={`/masuk${next}`}
              variant={inverted ? 'white' : 'filled'}
              size="sm"
              leftSection={<IconLogin size={18} />}
              visibleFrom="xs"
            >
              {t('shell.signIn')}
            </Button>
            <ActionIcon component={Link} to={`/masuk${next}`} variant={inverted ? 'white' : 'filled'} size={38} radius="md" aria-label={t('shell.signIn')} hiddenFrom="xs">
              <IconLogin size={20} />
            </ActionIcon>
          </>
        )
      )}
    </>
  );
}
