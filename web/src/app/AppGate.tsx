import { Center, Container, Loader } from '@mantine/core';
import { Suspense, type ComponentType, type LazyExoticComponent } from 'react';
import { Navigate, useLocation } from 'react-router';
import { ErrorState } from '../components/ErrorState';
import { useMe } from '../modules/identity/session';
import { canOpen, type AppEntry } from './catalogue';
import { NoAccessPage } from './NoAccessPage';
import { PortalLayout } from './shells/PortalLayout';

/** A centred spinner while an app's code or the session loads. */
export function FullPageLoader() {
  return (
    <Center h="100dvh" role="status" aria-busy="true">
      <Loader color="tegal" />
    </Center>
  );
}

/**
 * Opens an app only for those allowed: public apps for everyone; other apps need the app's key in
 * the user's `apps`. Signed-out visitors of a closed app go to sign-in (and come back after);
 * signed-in users without the key see why they cannot enter. The app's code loads only when allowed.
 */
export function AppGate({ app, component: App }: { app: AppEntry; component: LazyExoticComponent<ComponentType> }) {
  const { data: me, error, refetch } = useMe();
  const location = useLocation();

  if (!app.isPublic) {
    if (me === undefined && !error) return <FullPageLoader />;
    if (error) {
      return (
        <PortalLayout>
          <Container size="sm" py="xl">
            <ErrorState error={error} onRetry={() => void refetch()} />
          </Container>
        </PortalLayout>
      );
    }
    if (me === null) return <Navigate replace to={`/masuk?next=${encodeURIComponent(location.pathname + location.search)}`} />;
    if (!canOpen(app, me?.apps ?? null)) return <NoAccessPage app={app} />;
  }
  return (
    <Suspense fallback={<FullPageLoader />}>
      <App />
    </Suspense>
  );
}
