import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { User } from '../../../shared/schemas/user.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useSetUserActive } from './queries.js';

/** Deactivates an active user (signed out, tokens revoked) or lets a deactivated one sign in again. */
export function ToggleUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
  const { t } = useTranslation('users');
  const setActive = useSetUserActive();
  const close = () => {
    onClose();
    setActive.reset();
  };
  const confirm = () => {
    if (!user) return;
    const active = !user.active;
    setActive.mutate(
      { user, active },
      {
        onSuccess: (u) => {
          close();
          notifications.show({ color: 'teal', message: active ? t('toggle.reactivated', { name: u.name }) : t('toggle.deactivated', { name: u.name }) });
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={user !== null}
      onClose={close}
      onConfirm={confirm}
      title={user?.active ? t('toggle.deactivateTitle', { name: user.name }) : t('toggle.reactivateTitle', { name: user?.name ?? '' })}
      confirmLabel={user?.active ? t('toggle.deactivate') : t('toggle.reactivate')}
      danger={user?.active}
      loading={setActive.isPending}
      error={setActive.error}
    >
      {user?.active ? t('toggle.deactivateBody') : t('toggle.reactivateBody')}
    </ConfirmDialog>
  );
}
