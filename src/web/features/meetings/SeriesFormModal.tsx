import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime } from '@tabler/icons-react';
import { z } from 'zod';
import { CADENCE_LABELS, CADENCES, DEFAULT_TIME_ZONE, MEETING_PURPOSE_LABELS, MEETING_PURPOSES, type Cadence, type MeetingPurpose } from '../../../shared/rhythm.js';
import { checkRrule, createSeriesBody, type CreateSeriesBody, type MeetingSeries } from '../../../shared/schemas/meeting.js';
import { ApiError } from '../../api.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { contactsListQuery } from '../contacts/queries.js';
import { colleaguesQuery } from '../team/queries.js';
import { timeZones } from '../timeline/zone.js';
import { useCreateSeries, useUpdateSeries } from './queries.js';

interface Values extends Record<string, unknown> {
  title: string;
  purpose: MeetingPurpose;
  cadence: Cadence;
  rrule: string;
  /** Wall-clock time as a datetime-local input gives it: "YYYY-MM-DDTHH:mm". */
  startLocal: string;
  timeZone: string;
  durationMinutes: number | string;
  location: string;
  agendaTemplate: string;
  userIds: string[];
  contactIds: string[];
}

const LABELS = { title: 'Title', rrule: 'Recurrence rule', startLocal: 'First meeting', durationMinutes: 'Duration', timeZone: 'Time zone' };
/** The create body: texts trimmed (empty is null), the rule only with the custom cadence, the duration a number. */
const toBody = (v: Values): CreateSeriesBody => ({
  title: v.title.trim(),
  purpose: v.purpose,
  cadence: v.cadence,
  rrule: v.cadence === 'custom' ? v.rrule.trim() : undefined,
  startLocal: v.startLocal.slice(0, 16),
  timeZone: v.timeZone,
  durationMinutes: Number(v.durationMinutes),
  location: v.location.trim() || null,
  agendaTemplate: v.agendaTemplate.trim() || null,
  userIds: v.userIds,
  contactIds: v.contactIds,
});

/** The form's schema: its values become the create body, checked by the shared schema; the parsed body is what is sent. */
const formSchema = z.custom<Values>().transform(toBody).pipe(createSeriesBody);

/** Messages of the form's own for the duration and the rule, worded for the field as it is (an empty rule names an example). */
const validate = (v: Values) => ({
  durationMinutes: Number(v.durationMinutes) >= 5 && Number(v.durationMinutes) <= 1440 ? undefined : 'must be from 5 to 1440 minutes',
  rrule:
    v.cadence !== 'custom'
      ? undefined
      : v.rrule.trim()
        ? (checkRrule(
            v.rrule
              .trim()
              .replace(/^RRULE:/i, '')
              .toUpperCase(),
          ) ?? undefined)
        : 'is required for a custom cadence, e.g. FREQ=WEEKLY;BYDAY=TU',
});

const PURPOSE_OPTIONS = MEETING_PURPOSES.map((p) => ({ value: p, label: MEETING_PURPOSE_LABELS[p] }));
const CADENCE_OPTIONS = CADENCES.map((c) => ({ value: c, label: CADENCE_LABELS[c] }));

interface Props {
  partner: { id: string; name: string };
  /** `{}` sets up a new series, `{ series }` edits one; null is closed. */
  target: { series?: MeetingSeries } | null;
  onClose: () => void;
}

/** Sets up (or edits) a recurring meeting with a partner: cadence, time, people and agenda. */
export function SeriesFormModal({ partner, target, onClose }: Props) {
  const me = useMe();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const editing = target?.series ?? null;
  const create = useCreateSeries(partner.id);
  const update = useUpdateSeries();
  const blank = (): Values => ({
    title: `Sync with ${partner.name}`,
    purpose: 'sync',
    cadence: 'monthly',
    rrule: '',
    startLocal: '',
    timeZone: DEFAULT_TIME_ZONE,
    durationMinutes: 60,
    location: '',
    agendaTemplate: '',
    userIds: [me.user.id],
    contactIds: [],
  });
  const form = useSchemaForm(formSchema, blank(), { labels: LABELS, validate });

  const opened = target !== null;
  useEffect(() => {
    if (!opened) return;
    form.reset(
      editing
        ? {
            title: editing.title,
            purpose: editing.purpose,
            cadence: editing.cadence,
            rrule: editing.cadence === 'custom' ? editing.rrule : '',
            startLocal: editing.startLocal,
            timeZone: editing.timeZone,
            durationMinutes: editing.durationMinutes,
            location: editing.location ?? '',
            agendaTemplate: editing.agendaTemplate ?? '',
            userIds: editing.users.map((u) => u.id),
            contactIds: editing.contacts.map((c) => c.id),
          }
        : blank(),
    );
    create.reset();
    update.reset();
    // Only when the dialog opens or another version arrives: a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

  const colleagues = useQuery({ ...colleaguesQuery({ page: 1, pageSize: 100, sort: 'name' }), enabled: opened });
  const peopleOptions = useMemo(() => {
    const names = new Map<string, string>([[me.user.id, me.user.name]]);
    for (const u of editing?.users ?? []) names.set(u.id, u.name);
    for (const c of colleagues.data?.items ?? []) names.set(c.id, c.name);
    return [...names].map(([value, label]) => ({ value, label }));
  }, [colleagues.data, editing?.id]);
  const contacts = useQuery({ ...contactsListQuery({ partnerId: partner.id, status: 'current', archived: 'false', sort: 'name', page: 1, pageSize: 100 }), enabled: opened });
  const contactOptions = [
    ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.fullName} (${c.title})` : c.fullName })),
    ...(editing?.contacts ?? []).filter((c) => !contacts.data?.items.some((x) => x.id === c.id)).map((c) => ({ value: c.id, label: c.name })),
  ];
  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);

  const submit = form.submit(async (body) => {
    try {
      // An edit away from the custom cadence clears the rule.
      if (editing) await update.mutateAsync({ id: editing.id, version: editing.version, ...body, rrule: body.cadence === 'custom' ? body.rrule : null });
      else await create.mutateAsync(body);
      notifications.show({ color: 'teal', message: editing ? 'The series is saved.' : `The meeting series with ${partner.name} is set up.` });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict')
        throw new Error('Someone else changed this series in the meantime. Close this form and open it again to see their version.', { cause: e });
      throw e;
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? 'Edit meeting series' : `New meeting series with ${partner.name}`} size="lg" fullScreen={isPhone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label="Title" required data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Select label="Purpose" allowDeselect={false} data={PURPOSE_OPTIONS} {...form.getInputProps('purpose')} />
            <Select label="Cadence" allowDeselect={false} data={CADENCE_OPTIONS} {...form.getInputProps('cadence')} />
          </SimpleGrid>
          {form.values.cadence === 'custom' && (
            <TextInput
              label="Recurrence rule"
              required
              description="An RFC 5545 rule, e.g. FREQ=MONTHLY;BYDAY=1TU (first Tuesday of each month) or FREQ=WEEKLY;INTERVAL=3;COUNT=10."
              placeholder="FREQ=WEEKLY;BYDAY=TU"
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('rrule')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              type="datetime-local"
              label="First meeting"
              required
              description="Local time in the series' time zone"
              leftSection={<IconCalendarTime size={16} aria-hidden />}
              {...form.getInputProps('startLocal')}
            />
            <Select label="Time zone" searchable allowDeselect={false} data={zones} limit={50} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <NumberInput label="Duration (minutes)" min={5} max={1440} step={15} {...form.getInputProps('durationMinutes')} />
            <TextInput label="Location" placeholder="Room, address or video link" {...form.getInputProps('location')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <MultiSelect label="Our people" searchable data={peopleOptions} nothingFoundMessage="No colleague matches" {...form.getInputProps('userIds')} />
            <MultiSelect
              label="Their contacts"
              searchable
              data={contactOptions}
              placeholder={form.values.contactIds.length ? undefined : contactOptions.length ? `People from ${partner.name}` : 'No current contacts yet'}
              nothingFoundMessage="No current contact matches"
              {...form.getInputProps('contactIds')}
            />
          </SimpleGrid>
          <Textarea
            label="Agenda template"
            description="Shown when writing the minutes of each meeting."
            autosize
            minRows={3}
            maxRows={8}
            {...form.getInputProps('agendaTemplate')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(editing) && !form.isDirty()}>
              {editing ? 'Save' : 'Set up series'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
