import type { ReactNode } from 'react';
import { Alert, Button, Center, EmptyState as MantineEmptyState, Loader, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconFilterOff, IconLock, IconRefresh } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useDocumentTitle } from '@mantine/hooks';
import { useTranslation } from 'react-i18next';
import { ApiError, errorMessage } from '../api.js';
import { i18n } from '../i18n.js';

/** A spinner with words, announced politely to screen readers. */
export function LoadingState({ label, minHeight = 160 }: { label?: string; minHeight?: number | string }) {
  const { t } = useTranslation('common');
  return (
    <Center mih={minHeight} role="status" aria-live="polite">
      <Stack align="center" gap="xs">
        <Loader size="md" aria-hidden />
        <Text c="dimmed" size="sm">
          {label ?? t('state.loading')}
        </Text>
      </Stack>
    </Center>
  );
}

export function FullPageLoader({ label }: { label?: string }) {
  return (
    <main>
      <LoadingState label={label} minHeight="100vh" />
    </main>
  );
}

function errorTitle(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.status === 0) return i18n.t('common:loadError.noConnection');
    if (error.status === 403) return i18n.t('common:loadError.forbidden');
    if (error.status === 404) return i18n.t('common:loadError.notFound');
    if (error.status >= 500) return i18n.t('common:loadError.server');
  }
  return i18n.t('common:loadError.other');
}

/** A failed load: what went wrong, and a way to try again. */
export function ErrorState({ error, onRetry, title }: { error: unknown; onRetry?: () => void; title?: string }) {
  const { t } = useTranslation('common');
  return (
    <Alert color="red" variant="light" icon={<IconAlertTriangle aria-hidden />} title={title ?? errorTitle(error)} role="alert">
      <Stack gap="sm" align="flex-start">
        <Text size="sm">{errorMessage(error)}</Text>
        {onRetry && (
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onRetry}>
            {t('action.retry')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

/** Nothing to show yet: say why and what to do about it. */
export function EmptyState({
  icon,
  title,
  description,
  action,
  onClearFilters,
  headingLevel = 2,
}: {
  icon?: ReactNode;
  title: string;
  description?: ReactNode;
  action?: ReactNode;
  /** A filtered list came back empty: its one action is to clear the filters (it replaces `action`). */
  onClearFilters?: () => void;
  headingLevel?: 2 | 3 | 4;
}) {
  if (onClearFilters) action = <ClearFiltersButton onClick={onClearFilters} />;
  return (
    <MantineEmptyState py="xl" withIndicatorBackground>
      {icon && <MantineEmptyState.Indicator>{icon}</MantineEmptyState.Indicator>}
      <MantineEmptyState.Title order={headingLevel}>{title}</MantineEmptyState.Title>
      {description && <MantineEmptyState.Description>{description}</MantineEmptyState.Description>}
      {action && <MantineEmptyState.Actions>{action}</MantineEmptyState.Actions>}
    </MantineEmptyState>
  );
}

/** Takes a list back to everything: in a filtered list's toolbar, and as the action of its empty state. */
export function ClearFiltersButton({ onClick, size }: { onClick: () => void; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('common');
  return (
    <Button variant="default" size={size} leftSection={<IconFilterOff size={16} aria-hidden />} onClick={onClick}>
      {t('action.clearFilters')}
    </Button>
  );
}

/** A signed-in user opened a page their role does not give them. */
export function ForbiddenState({ what, role }: { what: string; role?: string }) {
  const { t } = useTranslation('common');
  useDocumentTitle(t('forbidden.documentTitle'));
  return (
    <MantineEmptyState py={48} variant="light" color="orange">
      <MantineEmptyState.Indicator>
        <IconLock size={28} aria-hidden />
      </MantineEmptyState.Indicator>
      <MantineEmptyState.Title order={1}>{t('forbidden.title')}</MantineEmptyState.Title>
      <MantineEmptyState.Description>{role ? t('forbidden.withRole', { what, role }) : t('forbidden.withoutRole', { what })}</MantineEmptyState.Description>
      <MantineEmptyState.Actions>
        <Button component={Link} to="/" variant="default">
          {t('forbidden.backHome')}
        </Button>
      </MantineEmptyState.Actions>
    </MantineEmptyState>
  );
}
