import { Alert, Button, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { errorMessage, isApiError } from '../../api.js';

export const isVersionConflict = (e: unknown) => isApiError(e, 409) && e.code === 'version_conflict';

/**
 * A failed write: a stale version gets its own words and a way to load the newer version;
 * anything else is shown as the server said it.
 */
export function WriteErrorAlert({ error, onReload, what = 'this partner' }: { error: unknown; onReload: () => void; what?: string }) {
  if (!error) return null;
  if (isVersionConflict(error)) {
    return (
      <Alert color="orange" variant="light" icon={<IconAlertCircle aria-hidden />} title="Someone else saved first" role="alert">
        <Stack gap="xs" align="flex-start">
          <Text size="sm">Another change to {what} was saved while you were working, so yours was not applied. Load their version, check it, then make your change again.</Text>
          <Button size="xs" variant="default" leftSection={<IconRefresh size={14} aria-hidden />} onClick={onReload}>
            Load the latest version
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
