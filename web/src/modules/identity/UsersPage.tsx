import { Alert, Badge, Box, Button, Container, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconCircleCheck, IconHome, IconKey, IconLink, IconLinkOff, IconLock, IconLogin, IconSearchOff, IconUsers } from '@tabler/icons-react';
import { useEffect, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ColumnHeader } from '../../components/ColumnHeader';
import { EmptyState } from '../../components/EmptyState';
import { CardList, ListCard, ListTable, PagedList } from '../../components/PagedList';
import { PageHeader } from '../../components/PageHeader';
import { SearchInput } from '../../components/SearchInput';
import text from '../../components/text.module.css';
import { isApiError } from '../../lib/api';
import { useDocumentTitle } from '../../lib/document-title';
import { formatNip } from '../personnel/personnel.format';
import { AdminPasswordResetDialog } from './AdminPasswordResetDialog';
import { LinkEmployeeDialog, UnlinkEmployeeDialog } from './EmployeeLinkDialogs';
import { useRecoveryT } from './i18n/recovery';
import { useIdentityT, type IdentityTranslate } from './i18n';
import type { UserView } from './identity.types';
import { useRoleText } from './roles.api';
import { USERS_PAGE_SIZE, useUsers } from './users.api';

/** What a row's buttons open. */
interface RowActions {
  onLink(user: UserView): void;
  onUnlink(user: UserView): void;
  onResetPassword(user: UserView): void;
}

/**
 * `/pengguna`: the accounts the signed-in administrator may manage, searchable and paged on the
 * server, each staff account with the employee record it is linked to. Linking, unlinking and a
 * password reset are offered only where the server's answer says the caller may (`abilities`).
 */
export function UsersPage() {
  const t = useIdentityT();
  useDocumentTitle(t('users.title'));
  const [linking, setLinking] = useState<UserView | null>(null);
  const [unlinking, setUnlinking] = useState<UserView | null>(null);
  const [resetting, setResetting] = useState<UserView | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const actions: RowActions = {
    onLink: (user) => {
      setDone(null);
      setLinking(user);
    },
    onUnlink: (user) => {
      setDone(null);
      setUnlinking(user);
    },
    onResetPassword: (user) => {
      setDone(null);
      setResetting(user);
    },
  };

  return (
    <Container size="lg" py={{ base: 'md', sm: 'xl' }}>
      <PageHeader title={t('users.title')} description={t('users.lead')} />
      <Stack gap="md">
        {done && (
          <Alert color="teal" variant="light" icon={<IconCircleCheck size={20} />} role="status" withCloseButton closeButtonLabel={t('form.close')} onClose={() => setDone(null)}>
            {done}
          </Alert>
        )}
        <UserList actions={actions} />
      </Stack>
      <LinkEmployeeDialog
        user={linking}
        onClose={() => setLinking(null)}
        onDone={(user) => {
          setLinking(null);
          if (user.employee) setDone(t('link.done', { username: user.username, employee: user.employee.displayName, nip: formatNip(user.employee.nip) }));
        }}
      />
      <UnlinkEmployeeDialog
        user={unlinking}
        onClose={() => setUnlinking(null)}
        onDone={(user) => {
          setUnlinking(null);
          setDone(t('unlink.done', { username: user.username }));
        }}
      />
      <AdminPasswordResetDialog user={resetting} onClose={() => setResetting(null)} />
    </Container>
  );
}

/** The search box, the server-paged rows (a table from 576 px up, cards below) and the paging footer. */
function UserList({ actions }: { actions: RowActions }) {
  const t = useIdentityT();
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search.trim(), 250);
  const [page, setPage] = useState(1);
  useEffect(() => setPage(1), [q]);
  const users = useUsers({ ...(q ? { q } : {}), page, pageSize: USERS_PAGE_SIZE });
  const data = users.data;

  const refusal = accessRefusal(users.error, t);
  if (refusal && !data) return refusal;

  return (
    <PagedList
      data={data}
      page={page}
      pageSize={USERS_PAGE_SIZE}
      loading={users.isPending}
      refreshing={users.isFetching && users.isPlaceholderData}
      error={users.error}
      onRetry={() => void users.refetch()}
      onPage={setPage}
      toolbar={<SearchInput label={t('users.search')} value={search} onChange={setSearch} />}
      empty={
        <EmptyState
          framed={false}
          icon={q ? <IconSearchOff size={28} stroke={1.6} /> : <IconUsers size={28} stroke={1.6} />}
          title={q ? t('users.noResults') : t('users.empty')}
          description={q ? t('users.noResultsHint') : t('users.emptyHint')}
        />
      }
      table={(rows) => <Rows rows={rows} actions={actions} />}
      cards={(rows) => <Cards rows={rows} actions={actions} />}
      summaryTestId="users-summary"
    />
  );
}

/** Why the list cannot be shown at all: signed out (401) or not a user administrator (403); null otherwise. */
function accessRefusal(error: unknown, t: IdentityTranslate): ReactNode {
  if (isApiError(error, 401)) {
    return (
      <EmptyState
        icon={<IconLogin size={28} stroke={1.6} />}
        title={t('users.signInTitle')}
        description={t('users.signInBody')}
        action={
          <Button component={Link} to={`/masuk?next=${encodeURIComponent('/pengguna')}`} leftSection={<IconLogin size={18} />}>
            {t('users.signIn')}
          </Button>
        }
      />
    );
  }
  if (isApiError(error, 403)) {
    return (
      <EmptyState
        color="orange"
        icon={<IconLock size={28} stroke={1.6} />}
        title={t('users.forbiddenTitle')}
        description={t('users.forbiddenBody')}
        action={
          <Button component={Link} to="/" variant="default" leftSection={<IconHome size={18} />}>
            {t('users.home')}
          </Button>
        }
      />
    );
  }
  return null;
}

/** The account: name, username, kind and (when disabled) its status. */
function AccountCell({ user }: { user: UserView }) {
  const t = useIdentityT();
  return (
    <>
      <Group gap={6} wrap="nowrap" align="baseline">
        <Text fz="sm" fw={600} lh={1.35} className={text.wrap}>
          {user.displayName}
        </Text>
        {user.status === 'disabled' && (
          <Badge size="sm" color="gray" variant="light" radius="sm" tt="none">
            {t('users.disabled')}
          </Badge>
        )}
      </Group>
      <Text fz="xs" c="dimmed" lh={1.4} className={text.wrap}>
        {user.username} · {user.kind === 'staff' ? t('users.kind.staff') : t('users.kind.citizen')}
      </Text>
    </>
  );
}

/** The account's roles by the labels their modules declared (description on hover or focus). */
function RolesCell({ user }: { user: UserView }) {
  const roleText = useRoleText();
  return (
    <Group gap={4} data-testid="user-roles">
      {user.roles.map((name) => {
        const role = roleText(name);
        const badge = (
          <Badge size="sm" variant="light" color="gray" radius="sm" tt="none" tabIndex={role.description ? 0 : undefined}>
            {role.label}
          </Badge>
        );
        return role.description ? (
          <Tooltip key={name} label={role.description} multiline maw={280} events={{ hover: true, focus: true, touch: true }}>
            {badge}
          </Tooltip>
        ) : (
          <Box key={name} component="span">{badge}</Box>
        );
      })}
    </Group>
  );
}

/** The linked employee record (name and NIP), or why there is none. */
function EmployeeCell({ user }: { user: UserView }) {
  const t = useIdentityT();
  if (!user.employee) {
    return (
      <Text fz="sm" c="dimmed">
        {user.kind === 'staff' ? t('users.notLinked') : t('users.notLinkable')}
      </Text>
    );
  }
  return (
    <>
      <Text fz="sm" lh={1.35} className={text.wrap}>
        {user.employee.displayName}
      </Text>
      <Text className={text.idNumber} c="dimmed">
        {formatNip(user.employee.nip)}
      </Text>
    </>
  );
}

/** The buttons the server's abilities allow; their names carry the account's name for screen readers. */
function ActionButtons({ user, actions, fullWidth = false }: { user: UserView; actions: RowActions; fullWidth?: boolean }) {
  const t = useIdentityT();
  const tr = useRecoveryT();
  const { linkEmployee, unlinkEmployee, resetPassword } = user.abilities;
  if (!linkEmployee && !unlinkEmployee && !resetPassword) return null;
  return (
    <Group gap="xs" grow={fullWidth}>
      {linkEmployee && (
        <Button size="compact-sm" variant="light" leftSection={<IconLink size={16} />} aria-label={`${t('link.open')}: ${user.displayName}`} onClick={() => actions.onLink(user)}>
          {t('link.open')}
        </Button>
      )}
      {unlinkEmployee && (
        <Button size="compact-sm" variant="subtle" color="red" leftSection={<IconLinkOff size={16} />} aria-label={`${t('unlink.open')}: ${user.displayName}`} onClick={() => actions.onUnlink(user)}>
          {t('unlink.open')}
        </Button>
      )}
      {resetPassword && (
        <Button size="compact-sm" variant="subtle" leftSection={<IconKey size={16} />} aria-label={`${tr('adminReset.open')}: ${user.displayName}`} onClick={() => actions.onResetPassword(user)}>
          {tr('adminReset.open')}
        </Button>
      )}
    </Group>
  );
}

function Rows({ rows, actions }: { rows: readonly UserView[]; actions: RowActions }) {
  const t = useIdentityT();
  return (
    <ListTable
      caption={t('users.caption')}
      head={
        <>
          <ColumnHeader>{t('users.account')}</ColumnHeader>
          <ColumnHeader w={150}>{t('users.agency')}</ColumnHeader>
          <ColumnHeader w={190}>{t('users.roles')}</ColumnHeader>
          <ColumnHeader>{t('users.employee')}</ColumnHeader>
          <ColumnHeader w={190}>{t('users.actions')}</ColumnHeader>
        </>
      }
    >
      {rows.map((user) => (
        <Table.Tr key={user.id} data-user={user.username}>
          <Table.Td>
            <AccountCell user={user} />
          </Table.Td>
          <Table.Td>{user.agency?.shortName ?? <Text span c="dimmed" fz="sm">{t('users.noAgency')}</Text>}</Table.Td>
          <Table.Td>
            <RolesCell user={user} />
          </Table.Td>
          <Table.Td>
            <EmployeeCell user={user} />
          </Table.Td>
          <Table.Td>
            <ActionButtons user={user} actions={actions} />
          </Table.Td>
        </Table.Tr>
      ))}
    </ListTable>
  );
}

function Cards({ rows, actions }: { rows: readonly UserView[]; actions: RowActions }) {
  const t = useIdentityT();
  return (
    <CardList label={t('users.caption')}>
      {rows.map((user) => (
        <ListCard key={user.id} data-user={user.username}>
          <AccountCell user={user} />
          {user.agency && (
            <Text fz="xs" c="dimmed" lh={1.4}>
              {user.agency.shortName}
            </Text>
          )}
          <Box mt={6}>
            <Text fz="xs" c="dimmed" fw={600}>
              {t('users.roles')}
            </Text>
            <RolesCell user={user} />
          </Box>
          <Box mt={6}>
            <Text fz="xs" c="dimmed" fw={600}>
              {t('users.employee')}
            </Text>
            <EmployeeCell user={user} />
          </Box>
          <Box mt={8}>
            <ActionButtons user={user} actions={actions} fullWidth />
          </Box>
        </ListCard>
      ))}
    </CardList>
  );
}
