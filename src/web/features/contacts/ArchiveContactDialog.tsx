import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { useSetContactArchived } from './queries.js';

/** Asks before archiving a contact, and says what archiving does. */
export function ArchiveContactDialog({ contact, onClose }: { contact: ContactSummary | null; onClose: () => void }) {
  const { t } = useTranslation(['contacts', 'common']);
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
          notifications.show({ color: 'teal', message: t('archive.done', { name: saved.fullName }) });
        },
      },
    );
  return (
    <ConfirmDialog
      opened={contact !== null}
      onClose={close}
      onConfirm={confirm}
      title={contact ? t('archive.titleNamed', { name: contact.fullName }) : t('archive.title')}
      confirmLabel={t('common:action.archive')}
      danger
      loading={archive.isPending}
      error={archive.error}
    >
      {t('archive.body')}
    </ConfirmDialog>
  );
}
