import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { CONTACT_TIME_ZONE, leftAt as leftAtSchema, type ContactSummary } from '../../../shared/schemas/contact.js';
import { ApiError, errorMessage } from '../../api.js';
import { useUpdateContact } from './queries.js';

/** Today as YYYY-MM-DD where the company is: the server tells a departure that happened from one ahead there too. */
export const todayInCompanyZone = () => new Intl.DateTimeFormat('en-CA', { timeZone: CONTACT_TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/** Marks a contact as having left the partner on a day (today unless told), or as leaving on a later day; they stay in the history. */
export function MarkLeftModal({ contact, partnerName, onClose }: { contact: ContactSummary | null; partnerName: string; onClose: () => void }) {
  const update = useUpdateContact();
  const [date, setDate] = useState<string | null>(todayInCompanyZone());
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!contact) return;
    setDate(todayInCompanyZone());
    setError(null);
    update.reset();
  }, [contact?.id]);

  const save = () => {
    if (!contact) return;
    const checked = leftAtSchema.safeParse(date ?? '');
    if (!date || !checked.success) {
      setError(date ? `The day ${checked.error?.issues[0]?.message ?? 'is not valid'}` : 'Choose the day they left');
      return;
    }
    update.mutate(
      { id: contact.id, version: contact.version, leftAt: date },
      {
        onSuccess: (c) => {
          notifications.show({
            color: 'teal',
            message: c.hasLeft
              ? `${c.fullName} is marked as having left ${partnerName}. They stay in the history.`
              : `${c.fullName} leaves ${partnerName} on ${c.leftAt}: until then they stay a current contact.`,
          });
          onClose();
        },
        onError: (e) => setError(e instanceof ApiError ? (e.fieldErrors.leftAt ? `The day ${e.fieldErrors.leftAt}` : errorMessage(e)) : errorMessage(e)),
      },
    );
  };

  return (
    <Modal opened={contact !== null} onClose={onClose} title={contact ? `${contact.fullName} left ${partnerName}` : 'Mark as left'}>
      <Stack gap="md">
        <Text size="sm">
          From the day they leave, they are off the stakeholder map and can no longer be chosen for new timeline entries; a later day records a departure ahead of time. Their past
          entries and history stay, and you can bring them back later.
        </Text>
        <DatePickerInput
          label="Left on"
          description="A later day records a departure ahead of time: they stay current until then."
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
            Cancel
          </Button>
          <Button onClick={save} loading={update.isPending}>
            Mark as left
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
