import { useEffect, useMemo } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import { useMediaQuery } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { CADENCES, DEFAULT_TIME_ZONE, MEETING_PURPOSES, type Cadence, type MeetingPurpose } from '../../../shared/rhythm.js';
import { checkRrule, createSeriesBody, type CreateSeriesBody, type MeetingSeries } from '../../../shared/schemas/meeting.js';
import { ApiError } from '../../api.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { fieldMessage, i18n } from '../../i18n.js';
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

/** The fields' names in messages ("Duration must be from 5 to 1440 minutes"), in the current language. */
const labels = () => ({
  title: i18n.t('meetings:form.title'),
  rrule: i18n.t('meetings:form.rrule'),
  startLocal: i18n.t('meetings:form.firstMeeting'),
  durationMinutes: i18n.t('meetings:form.duration'),
  timeZone: i18n.t('meetings:form.timeZone'),
});
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

/** The shared schema's own predicates in the current language (looked up by their English text; the rule checker's technical ones stay as they are). */
const say = (message: string | null) => (message ? fieldMessage({ code: 'custom', message }) : undefined);

/** Messages of the form's own for the duration and the rule, worded for the field as it is (an empty rule names an example). */
const validate = (v: Values) => ({
  durationMinutes: Number(v.durationMinutes) >= 5 && Number(v.durationMinutes) <= 1440 ? undefined : i18n.t('meetings:form.durationRange'),
  rrule:
    v.cadence !== 'custom'
      ? undefined
      : v.rrule.trim()
        ? say(
            checkRrule(
              v.rrule
                .trim()
                .replace(/^RRULE:/i, '')
                .toUpperCase(),
            ),
          )
        : say('is required for a custom cadence, e.g. FREQ=WEEKLY;BYDAY=TU'),
});

const purposeOptions = () => MEETING_PURPOSES.map((p) => ({ value: p, label: i18n.t(`meetings:purpose.${p}`) }));
const cadenceOptions = () => CADENCES.map((c) => ({ value: c, label: i18n.t(`meetings:cadence.${c}`) }));

interface Props {
  partner: { id: string; name: string };
  /** `{}` sets up a new series, `{ series }` edits one; null is closed. */
  target: { series?: MeetingSeries } | null;
  onClose: () => void;
}

/** Sets up (or edits) a recurring meeting with a partner: cadence, time, people and agenda. */
export function SeriesFormModal({ partner, target, onClose }: Props) {
  const { t } = useTranslation(['meetings', 'common']);
  const me = useMe();
  const isPhone = useMediaQuery('(max-width: 47.99em)') ?? false;
  const editing = target?.series ?? null;
  const create = useCreateSeries(partner.id);
  const update = useUpdateSeries();
  const blank = (): Values => ({
    title: t('form.defaultTitle', { partner: partner.name }),
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
  const form = useSchemaForm(formSchema, blank(), { labels: labels(), validate });

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
  }, [colleagues.data, editing?.users, me.user.id, me.user.name]);
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
      notifications.show({ color: 'teal', message: editing ? t('form.saved') : t('form.created', { partner: partner.name }) });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('form.conflict'), { cause: e });
      throw e;
    }
  });

  const purposeInput = form.getInputProps('purpose');
  const startInput = form.getInputProps('startLocal');
  const agendaInput = form.getInputProps('agendaTemplate');

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('form.editTitle') : t('form.newTitle', { partner: partner.name })} size="lg" fullScreen={isPhone}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('form.title')} required data-autofocus {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <Select label={t('form.purpose')} allowDeselect={false} data={purposeOptions()} {...purposeInput} />
            <Select label={t('form.cadence')} allowDeselect={false} data={cadenceOptions()} {...form.getInputProps('cadence')} />
          </SimpleGrid>
          {form.values.cadence === 'custom' && (
            <TextInput
              label={t('form.rrule')}
              required
              description={t('form.rruleDescription')}
              placeholder={t('form.rrulePlaceholder')}
              autoComplete="off"
              spellCheck={false}
              {...form.getInputProps('rrule')}
            />
          )}
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <TextInput
              type="datetime-local"
              label={t('form.firstMeeting')}
              required
              description={t('form.firstMeetingDescription')}
              leftSection={<IconCalendarTime size={16} aria-hidden />}
              {...startInput}
            />
            <Select label={t('form.timeZone')} searchable allowDeselect={false} data={zones} limit={50} {...form.getInputProps('timeZone')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <NumberInput label={t('form.durationMinutes')} min={5} max={1440} step={15} {...form.getInputProps('durationMinutes')} />
            <TextInput label={t('form.location')} placeholder={t('form.locationPlaceholder')} {...form.getInputProps('location')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
            <MultiSelect label={t('form.ourPeople')} searchable data={peopleOptions} nothingFoundMessage={t('form.noColleagueMatches')} {...form.getInputProps('userIds')} />
            <MultiSelect
              label={t('form.theirContacts')}
              searchable
              data={contactOptions}
              placeholder={form.values.contactIds.length ? undefined : contactOptions.length ? t('form.peopleFrom', { partner: partner.name }) : t('form.noContactsYet')}
              nothingFoundMessage={t('form.noContactMatches')}
              {...form.getInputProps('contactIds')}
            />
          </SimpleGrid>
          <Textarea label={t('form.agenda')} description={t('form.agendaDescription')} autosize minRows={3} maxRows={8} {...agendaInput} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(editing) && !form.isDirty()}>
              {editing ? t('common:action.save') : t('form.setUp')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
