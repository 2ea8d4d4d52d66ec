import { Button, Container } from '@mantine/core';
import { IconHome, IconMapQuestion } from '@tabler/icons-react';
import { Link } from 'react-router';
import { EmptyState } from '../components/EmptyState';
import { useDocumentTitle } from '../lib/document-title';
import { useT } from '../lib/i18n';

/** The page for an address no route knows. */
export function NotFoundPage() {
  const t = useT();
  useDocumentTitle(t('notFound.title'));
  return (
    <Container size="sm" py={{ base: 'lg', sm: 64 }}>
      <EmptyState
        titleOrder={1}
        icon={<IconMapQuestion size={30} stroke={1.6} />}
        title={t('notFound.title')}
        description={t('notFound.body')}
        action={
          <Button component={Link} to="/" leftSection={<IconHome size={18} />}>
            {t('notFound.home')}
          </Button>
        }
      />
    </Container>
  );
}
