import { useMemo, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Checkbox, Chip, Group, Modal, MultiSelect, Select, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { DateTimePicker } from '@mantine/dates';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconCalendarTime } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import type { ActivityKind } from '../../../shared/partners.js';
import { createActivityBody, type Activity } from '../../../shared/schemas/activity.js';
import { ApiError } from '../../api.js';
import { i18n } from '../../i18n.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { contactsListQuery } from '../contacts/queries.js';
import { colleaguesQuery } from '../team/queries.js';
import { ACTIVITY_KIND_ICONS, ACTIVITY_KIND_OPTIONS } from './labels.js';
import { useCreateActivity, useUpdateActivity } from './queries.js';
import { deviceTimeZone, isoToWall, nowWall, timeZones, wallToIso } from './zone.js';

// The entry's own rules from the shared schema; the date-time is entered as wall-clock time in a zone
// and sent as the instant it names. The parsed output is the body without the partner.
const formSchema = createActivityBody
  .pick({ kind: true, summary: true, outcome: true, important: true, userIds: true, contactIds: true })
  .extend({ when: z.string().min(1, 'is required'), timeZone: z.string().min(1, 'is required') })
  .transform(({ when, timeZone, outcome, ...fields }, ctx) => {
    const occurredAt = wallToIso(when, timeZone);
    if (!occurredAt) {
      // Worded here, when it happens: the form's own rule is not a shared schema's message.
      ctx.addIssue({ code: 'custom', path: ['when'], message: i18n.t('timeline:form.whenInvalid') });
      return z.NEVER;
    }
    return { ...fields, occurredAt, outcome: outcome || null };
  });

/** The server's messages about the instant belong to the date and time field. */
const fieldOf = (path: string) => (path === 'occurredAt' ? 'when' : path);

interface Values extends Record<string, unknown> {
  kind: ActivityKind;
  when: string;
  timeZone: string;
  summary: string;
  outcome: string;
  important: boolean;
  userIds: string[];
  contactIds: string[];
}

const labels = () => ({
  when: i18n.t('timeline:form.when'),
  timeZone: i18n.t('timeline:form.timeZone'),
  summary: i18n.t('timeline:form.summary'),
  outcome: i18n.t('timeline:form.outcome'),
  userIds: i18n.t('timeline:form.ourPeople'),
  contactIds: i18n.t('timeline:form.theirContacts'),
});

interface Props {
  partner: { id: string; name: string };
  /** `{}` logs a new entry, `{ activity }` edits one; null is closed. */
  target: { activity?: Activity } | null;
  onClose: () => void;
}

/** Logs (or edits) a meeting, call, e-mail, event or note on the partner's timeline. */
export function ActivityFormModal({ partner, target, onClose }: Props) {
  const { t } = useTranslation(['timeline', 'common']);
  const editing = target?.activity ?? null;
  return (
    <Modal opened={target !== null} onClose={onClose} title={editing ? t('form.titleEdit') : t('form.titleNew', { name: partner.name })} size="lg">
      {target && <ActivityFormModalBody key={`${target.activity?.id}-${target.activity?.version}`} partner={partner} target={target} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another entry or version), so the form starts from the entry as stored, or a blank one now. */
function ActivityFormModalBody({ partner, target, onClose }: Props & { target: NonNullable<Props['target']> }) {
  const { t } = useTranslation(['timeline', 'common']);
  const me = useMe();
  const editing = target.activity ?? null;
  const create = useCreateActivity();
  const update = useUpdateActivity();
  const [zone] = useState(deviceTimeZone);
  const blank = (): Values => ({ kind: 'meeting', when: nowWall(zone), timeZone: zone, summary: '', outcome: '', important: false, userIds: [me.user.id], contactIds: [] });
  const initial = (): Values =>
    editing
      ? {
          kind: editing.kind,
          when: isoToWall(editing.occurredAt, zone),
          timeZone: zone,
          summary: editing.summary,
          outcome: editing.outcome ?? '',
          important: editing.important,
          userIds: editing.users.map((u) => u.id),
          contactIds: editing.contacts.map((c) => c.id),
        }
      : blank();
  const form = useSchemaForm(formSchema, initial(), { labels: labels(), fieldOf });
  // Our people: searched on the server; names of those already chosen are remembered (when chosen),
  // as they may drop out of the results when the search changes.
  const [peopleSearch, setPeopleSearch] = useState('');
  const [debouncedPeople] = useDebouncedValue(peopleSearch.trim(), 250);
  const colleagues = useQuery(colleaguesQuery({ page: 1, pageSize: 100, sort: 'name', q: debouncedPeople || undefined }));
  const [chosenNames, setChosenNames] = useState(() => new Map<string, string>([[me.user.id, me.user.name], ...(editing?.users ?? []).map((u) => [u.id, u.name] as const)]));
  const found = new Map((colleagues.data?.items ?? []).map((c) => [c.id, c.name]));
  const nameOf = (id: string) => chosenNames.get(id) ?? found.get(id) ?? id;
  const peopleOptions = [...new Set([...form.values.userIds, ...found.keys()])].map((id) => ({ value: id, label: nameOf(id) }));
  const peopleProps = form.getInputProps('userIds');
  const choosePeople = (ids: string[]) => {
    setChosenNames((known) => new Map([...known, ...ids.map((id) => [id, known.get(id) ?? found.get(id) ?? id] as const)]));
    peopleProps.onChange(ids);
  };

  // Their contacts: the partner's current people, plus those an edited entry already names.
  const contacts = useQuery(contactsListQuery({ partnerId: partner.id, status: 'current', archived: 'false', sort: 'name', page: 1, pageSize: 100 }));
  const contactOptions = [
    ...(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.title ? `${c.fullName} (${c.title})` : c.fullName })),
    ...(editing?.contacts ?? []).filter((c) => !contacts.data?.items.some((x) => x.id === c.id)).map((c) => ({ value: c.id, label: c.name })),
  ];

  const zones = useMemo(() => timeZones().map((z) => ({ value: z, label: z.replace(/_/g, ' ') })), []);

  const submit = form.submit(async (fields, v) => {
    // An edit sends what changed: an untouched time must not move by the milliseconds the picker cannot show.
    const same = (a: string[], b: string[]) => [...a].sort().join() === [...b].sort().join();
    const changes = editing
      ? {
          ...(fields.kind !== editing.kind && { kind: fields.kind }),
          ...((v.when !== isoToWall(editing.occurredAt, zone) || v.timeZone !== zone) && { occurredAt: fields.occurredAt }),
          ...(fields.summary !== editing.summary && { summary: fields.summary }),
          ...(fields.outcome !== editing.outcome && { outcome: fields.outcome }),
          ...(fields.important !== editing.important && { important: fields.important }),
          ...(!same(
            fields.userIds,
            editing.users.map((u) => u.id),
          ) && { userIds: fields.userIds }),
          ...(!same(
            fields.contactIds,
            editing.contacts.map((c) => c.id),
          ) && { contactIds: fields.contactIds }),
        }
      : fields;
    try {
      const saved = editing ? await update.mutateAsync({ id: editing.id, version: editing.version, ...changes }) : await create.mutateAsync({ partnerId: partner.id, ...fields });
      notifications.show({
        color: 'teal',
        message: editing ? t('form.saved') : saved.important ? t('form.loggedImportant', { name: partner.name }) : t('form.logged', { name: partner.name }),
      });
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('form.conflict'), { cause: e });
      throw e;
    }
  });

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <FormError form={form} />
        <Stack gap={4}>
          <Text size="sm" fw={500} id="activity-kind-label">
            {t('form.kind')}
          </Text>
          <Chip.Group value={form.values.kind} onChange={(v) => form.setFieldValue('kind', v as ActivityKind)}>
            <Group gap="xs" role="radiogroup" aria-labelledby="activity-kind-label">
              {ACTIVITY_KIND_OPTIONS.map((o) => {
                const Icon = ACTIVITY_KIND_ICONS[o.value];
                return (
                  <Chip key={o.value} value={o.value} type="radio" icon={<Icon size={14} aria-hidden />} variant="outline">
                    {o.label}
                  </Chip>
                );
              })}
            </Group>
          </Chip.Group>
        </Stack>
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <DateTimePicker
            label={t('form.when')}
            required
            leftSection={<IconCalendarTime size={16} aria-hidden />}
            valueFormat={t('form.dateTimeFormat')}
            value={form.values.when || null}
            onChange={(v) => form.setFieldValue('when', v ?? '')}
            error={form.errors.when}
            popoverProps={{ withinPortal: true }}
          />
          <Select label={t('form.timeZone')} searchable allowDeselect={false} data={zones} limit={50} {...form.getInputProps('timeZone')} />
        </SimpleGrid>
        <Textarea
          label={t('form.summary')}
          required
          data-autofocus
          autosize
          minRows={2}
          maxRows={6}
          placeholder={t('form.summaryPlaceholder')}
          {...form.getInputProps('summary')}
        />
        <Textarea label={t('form.outcome')} autosize minRows={2} maxRows={6} placeholder={t('form.outcomePlaceholder')} {...form.getInputProps('outcome')} />
        <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="md">
          <MultiSelect
            label={t('form.ourPeople')}
            placeholder={form.values.userIds.length ? undefined : t('form.ourPeoplePlaceholder')}
            searchable
            data={peopleOptions}
            searchValue={peopleSearch}
            onSearchChange={setPeopleSearch}
            filter={({ options }) => options}
            nothingFoundMessage={colleagues.isFetching ? t('form.searching') : t('form.noColleague')}
            {...peopleProps}
            onChange={choosePeople}
          />
          <MultiSelect
            label={t('form.theirContacts')}
            placeholder={form.values.contactIds.length ? undefined : contactOptions.length ? t('form.theirContactsPlaceholder', { name: partner.name }) : t('form.noContacts')}
            searchable
            data={contactOptions}
            nothingFoundMessage={t('form.noContact')}
            {...form.getInputProps('contactIds')}
          />
        </SimpleGrid>
        <Checkbox
          label={t('form.important')}
          description={t('form.importantHint')}
          checked={form.values.important}
          onChange={(e) => form.setFieldValue('important', e.currentTarget.checked)}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(editing) && !form.isDirty()}>
            {editing ? t('common:action.save') : t('form.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
