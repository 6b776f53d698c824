import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CONTACT_TIME_ZONE, leftAt as leftAtSchema, type ContactSummary } from '../../../shared/schemas/contact.js';
import { ApiError, errorMessage } from '../../api.js';
import { useUpdateContact } from './queries.js';

/** Today as YYYY-MM-DD where the company is: the server tells a departure that happened from one ahead there too. */
export const todayInCompanyZone = () => new Intl.DateTimeFormat('en-CA', { timeZone: CONTACT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Marks a contact as having left the partner on a day (today unless told), or as leaving on a later day; they stay in the history. */
export function MarkLeftModal({ contact, partnerName, onClose }: { contact: ContactSummary | null; partnerName: string; onClose: () => void }) {
  const { t } = useTranslation(['contacts', 'common']);
  return (
    <Modal opened={contact !== null} onClose={onClose} title={contact ? t('left.titleNamed', { name: contact.fullName, partner: partnerName }) : t('left.title')}>
      {contact && <MarkLeftModalBody key={contact.id} contact={contact} partnerName={partnerName} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another contact), so it starts from today with no error. */
function MarkLeftModalBody({ contact, partnerName, onClose }: { contact: ContactSummary; partnerName: string; onClose: () => void }) {
  const { t } = useTranslation(['contacts', 'common']);
  const update = useUpdateContact();
  const [date, setDate] = useState<string | null>(todayInCompanyZone);
  const [error, setError] = useState<string | null>(null);

  const save = () => {
    const checked = leftAtSchema.safeParse(date ?? '');
    if (!date || !checked.success) {
      setError(date ? t('left.invalidDay', { reason: checked.error?.issues[0]?.message ?? t('left.notValid') }) : t('left.chooseDay'));
      return;
    }
    update.mutate(
      { id: contact.id, version: contact.version, leftAt: date },
      {
        onSuccess: (c) => {
          notifications.show({
            color: 'teal',
            message: c.hasLeft ? t('left.hasLeft', { name: c.fullName, partner: partnerName }) : t('left.leaves', { name: c.fullName, partner: partnerName, date: c.leftAt }),
          });
          onClose();
        },
        onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors.leftAt ? t('left.invalidDay', { reason: e.fieldErrors.leftAt }) : errorMessage(e)) : errorMessage(e)),
      },
    );
  };

  return (
    <Stack gap="md">
      <Text size="sm">{t('left.body')}</Text>
      <DatePickerInput
        label={t('left.leftOn')}
        description={t('left.leftOnHint')}
        required
        data-autofocus
        leftSection={<IconCalendar size={16} aria-hidden />}
        value={date}
        onChange={(v) => {
          setDate(v);
          setError(null);
        }}
        valueFormat="D MMMM YYYY"
        error={error}
        popoverProps={{ withinPortal: true }}
      />
      {update.isError && !error && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(update.error)}
        </Alert>
      )}
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose}>
          {t('common:action.cancel')}
        </Button>
        <Button onClick={save} loading={update.isPending}>
          {t('left.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
