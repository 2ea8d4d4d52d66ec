import { Container } from '@mantine/core';
import { CardGridSkeleton } from '../../components/Skeletons';
import { useMe } from '../../modules/identity/session';
import { ErrorState } from '../../components/ErrorState';
import { PublicLanding } from './PublicLanding';
import { SignedInLauncher } from './SignedInLauncher';

/** `/`: the signed-in user's apps, or the public landing for visitors. */
export function LauncherPage() {
  const { data: me, error, refetch } = useMe();
  if (me === undefined && !error) {
    return (
      <Container size="lg" py="xl">
        <CardGridSkeleton count={6} />
      </Container>
    );
  }
  if (error) {
    return (
      <Container size="sm" py="xl">
        <ErrorState error={error} onRetry={() => void refetch()} />
      </Container>
    );
  }
  return me ? <SignedInLauncher me={me} /> : <PublicLanding />;
}
