import { notifications } from '@mantine/notifications';
import type { User } from '../../../shared/schemas/user.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useSetUserActive } from './queries.js';

/** Deactivates an active user (signed out, tokens revoked) or lets a deactivated one sign in again. */
export function ToggleUserDialog({ user, onClose }: { user: User | null; onClose: () => void }) {
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
          notifications.show({ color: 'teal', message: active ? `${u.name} can sign in again.` : `${u.name} is deactivated and signed out everywhere.` });
        },
      },
    );
  };
  return (
    <ConfirmDialog
      opened={user !== null}
      onClose={close}
      onConfirm={confirm}
      title={user?.active ? `Deactivate ${user.name}?` : `Reactivate ${user?.name ?? ''}?`}
      confirmLabel={user?.active ? 'Deactivate' : 'Reactivate'}
      danger={user?.active}
      loading={setActive.isPending}
      error={setActive.error}
    >
      {user?.active ? (
        <>
          They are signed out everywhere at once, their API tokens are revoked and they can no longer sign in. Everything they did stays, with its history. You can reactivate the
          account later.
        </>
      ) : (
        <>They can sign in again with their old password. API tokens revoked at deactivation stay revoked.</>
      )}
    </ConfirmDialog>
  );
}
