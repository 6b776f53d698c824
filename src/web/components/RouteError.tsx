import { isRouteErrorResponse, Link, useRouteError } from 'react-router';
import { Button, Code, Container, EmptyState, Stack, Text } from '@mantine/core';
import { IconBug, IconMapOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PageHeader } from './PageHeader.js';

export function NotFoundPage() {
  const { t } = useTranslation('common');
  return (
    <>
      <PageHeader title={t('notFound.title')} />
      <EmptyState py={48} withIndicatorBackground>
        <EmptyState.Indicator>
          <IconMapOff size={28} aria-hidden />
        </EmptyState.Indicator>
        <EmptyState.Title order={2}>{t('notFound.heading')}</EmptyState.Title>
        <EmptyState.Description>{t('notFound.description')}</EmptyState.Description>
        <EmptyState.Actions>
          <Button component={Link} to="/" variant="default">
            {t('notFound.backHome')}
          </Button>
        </EmptyState.Actions>
      </EmptyState>
    </>
  );
}

/** Last resort when a page crashes: say so plainly and offer a way out. */
export function RouteError() {
  const { t } = useTranslation('common');
  const error = useRouteError();
  const message = isRouteErrorResponse(error) ? `${error.status} ${error.statusText}` : error instanceof Error ? error.message : String(error);
  return (
    <main>
      <Container size="sm" py={64}>
        <Stack>
          <EmptyState variant="light" color="red">
            <EmptyState.Indicator>
              <IconBug size={28} aria-hidden />
            </EmptyState.Indicator>
            <EmptyState.Title order={1}>{t('routeError.title')}</EmptyState.Title>
            <EmptyState.Description>{t('routeError.description')}</EmptyState.Description>
            <EmptyState.Actions>
              <Button onClick={() => window.location.reload()}>{t('action.reload')}</Button>
              <Button component="a" href="/" variant="default">
                {t('routeError.home')}
              </Button>
            </EmptyState.Actions>
          </EmptyState>
          <Text size="xs" c="dimmed" ta="center">
            {t('routeError.details')} <Code>{message}</Code>
          </Text>
        </Stack>
      </Container>
    </main>
  );
}
