import { notifications } from '@mantine/notifications';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useSetContactArchived } from './queries.js';

/** Asks before archiving a contact, and says what archiving does. */
export function ArchiveContactDialog({ contact, onClose }: { contact: ContactSummary | null; onClose: () => void }) {
  const archive = useSetContactArchived();
  const close = () => {
    onClose();
    archive.reset();
  };
  const confirm = () =>
    contact &&
    archive.mutate(
      { contact, archived: true },
      {
        onSuccess: (saved) => {
          close();
          notifications.show({ color: 'teal', message: `${saved.fullName} is archived.` });
        },
      },
    );
  return (
    <ConfirmDialog
      opened={contact !== null}
      onClose={close}
      onConfirm={confirm}
      title={contact ? `Archive ${contact.fullName}?` : 'Archive contact?'}
      confirmLabel="Archive"
      danger
      loading={archive.isPending}
      error={archive.error}
    >
      Archived contacts leave the stakeholder map, the directory and search. Their timeline entries and history stay, and you can restore them. Someone who moved on is better
      marked as left.
    </ConfirmDialog>
  );
}
