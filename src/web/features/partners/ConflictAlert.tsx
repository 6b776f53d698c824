import { Alert, Button, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../../api.js';

export const isVersionConflict = (e: unknown) => isApiError(e, 409) && e.code === 'version_conflict';

/**
 * A failed write: a stale version gets its own words and a way to load the newer version;
 * anything else is shown as the server said it.
 */
export function WriteErrorAlert({ error, onReload, what }: { error: unknown; onReload: () => void; what?: string }) {
  const { t } = useTranslation('partners');
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />} title={t('conflict.title')} role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">{t('conflict.text', { what: what ?? t('conflict.thisPartner') })}</Text>
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
            {t('conflict.reload')}
          </Button>
        </Stack>
      </Alert>
    );
  }
  return (
    <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
      {errorMessage(error)}
    </Alert>
  );
}
