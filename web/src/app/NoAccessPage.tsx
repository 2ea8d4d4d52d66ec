import { Button, Container } from '@mantine/core';
import { IconArrowLeft, IconLock } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { useDocumentTitle } from '../lib/document-title';
import { useT } from '../lib/i18n';
import { useMe } from '../modules/identity/session';
import type { AppEntry } from './catalogue';
import { PortalLayout } from './shells/PortalLayout';

/** Shown to a signed-in user who opens an app their account has no access to. */
export function NoAccessPage({ app }: { app: AppEntry }) {
  const t = useT();
  const { data: me } = useMe();
  const name = t(app.name);
  useDocumentTitle(t('access.deniedTitle', { app: name }));
  return (
    <PortalLayout>
      <Container size="sm" py={{ base: 'lg', sm: 64 }}>
        <EmptyState
          titleOrder={1}
          icon={<IconLock size={30} stroke={1.6} />}
          color="orange"
          title={t('access.deniedTitle', { app: name })}
          description={t('access.deniedBody', { user: me?.username ?? '' })}
          action={
            <Button component={Link} to="/" leftSection={<IconArrowLeft size={18} />}>
              {t('access.backToApps')}
            </Button>
          }
        />
      </Container>
    </PortalLayout>
  );
}
