import { useEffect } from 'react';
import { Button, Checkbox, Group, Modal, NumberInput, Paper, Select, SimpleGrid, Stack, Switch, TagsInput, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput, type DateInputProps } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import customParseFormat from 'dayjs/plugin/customParseFormat.js';
import { z } from 'zod';
import { NOTICE_UNITS, type ContractClause, type ContractStatus, type ContractType, type NoticeUnit } from '../../../shared/compliance.js';
import { noticeSummary } from '../../../shared/contracts.js';
import {
  CONTRACT_PARTIES_MAX,
  contractRuleIssues,
  currencyCodes,
  isCurrency,
  NOTICE_PERIOD_MAX,
  RENEWAL_TERM_MONTHS_MAX,
  updateContractBody,
  type Contract,
} from '../../../shared/schemas/contract.js';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import { ApiError } from '../../api.js';
import { fieldMessage, i18n } from '../../i18n.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { ColleagueSelect } from '../partners/pickers.js';
import { CLAUSE_OPTIONS, CONTRACT_STATUS_OPTIONS, CONTRACT_TYPE_OPTIONS, describeContractNotice, formatDay, noticeDue, todayInZurich } from './format.js';
import { majorToMinor, minorDigits, minorToMajor } from '../../lib/format.js';
import { useCreateContract, useUpdateContract } from './queries.js';

dayjs.extend(customParseFormat);

interface Values extends Record<string, unknown> {
  title: string;
  type: ContractType | null;
  status: ContractStatus;
  parties: string[];
  signedOn: string | null;
  startsOn: string | null;
  endsOn: string | null;
  autoRenew: boolean;
  renewalTermMonths: number | string;
  noticePeriodCount: number | string;
  noticePeriodUnit: NoticeUnit;
  /** The amount in major units as typed (12500.50); sent as minor units. */
  valueMinor: number | string;
  currency: string | null;
  ownerId: string | null;
  clauses: ContractClause[];
  notes: string;
}

/** The fields' names in messages ("Title is required"), in the current language. */
const labels = (): Partial<Record<keyof Values & string, string>> => ({
  title: i18n.t('contracts:field.title'),
  type: i18n.t('contracts:field.type'),
  status: i18n.t('contracts:field.status'),
  parties: i18n.t('contracts:field.parties'),
  signedOn: i18n.t('contracts:field.signedOn'),
  startsOn: i18n.t('contracts:field.startsOn'),
  endsOn: i18n.t('contracts:field.endsOn'),
  renewalTermMonths: i18n.t('contracts:field.renewalTerm'),
  noticePeriodCount: i18n.t('contracts:field.noticePeriod'),
  noticePeriodUnit: i18n.t('contracts:field.noticePeriodUnit'),
  valueMinor: i18n.t('contracts:field.value'),
  currency: i18n.t('contracts:field.currency'),
  ownerId: i18n.t('contracts:field.owner'),
  notes: i18n.t('contracts:field.notes'),
});
const unitOptions = () => NOTICE_UNITS.map((u) => ({ value: u, label: i18n.t(`contracts:unit.${u}`) }));
const CURRENCY_OPTIONS = currencyCodes();
const num = (v: number | string) => (v === '' || v === null || v === undefined ? null : Number(v));

/** Typed dates: 2027-05-31, 31.5.2027, 31/05/2027 or 31 May 2027. */
const parseDay: DateInputProps['dateParser'] = (input) => {
  const d = dayjs(input.trim(), ['YYYY-MM-DD', 'D.M.YYYY', 'D/M/YYYY', 'D MMM YYYY', 'D MMMM YYYY'], 'en', true);
  return d.isValid() ? d.format('YYYY-MM-DD') : null;
};

function DayInput({ value, onChange, ...props }: { value: string | null; onChange: (v: string | null) => void } & Omit<DateInputProps, 'value' | 'onChange'>) {
  const { t } = useTranslation('contracts');
  return (
    <DateInput
      clearable
      valueFormat="D MMM YYYY"
      dateParser={parseDay}
      placeholder={t('form.datePlaceholder')}
      firstDayOfWeek={1}
      leftSection={<IconCalendar size={16} aria-hidden />}
      popoverProps={{ withinPortal: true }}
      clearButtonProps={{ 'aria-label': t('form.clearDate', { label: String(props.label ?? t('form.theDate')) }) }}
      value={value}
      onChange={(d) => onChange(d ? String(d).slice(0, 10) : null)}
      {...props}
    />
  );
}

function valuesOf(c: Contract | null, me: { id: string }): Values {
  if (!c) {
    return {
      title: '',
      type: null,
      status: 'active',
      parties: [],
      signedOn: null,
      startsOn: null,
      endsOn: null,
      autoRenew: false,
      renewalTermMonths: 12,
      noticePeriodCount: '',
      noticePeriodUnit: 'months',
      valueMinor: '',
      currency: 'CHF',
      ownerId: me.id,
      clauses: [],
      notes: '',
    };
  }
  return {
    title: c.title,
    type: c.type,
    status: c.status,
    parties: c.parties,
    signedOn: c.signedOn,
    startsOn: c.startsOn,
    endsOn: c.endsOn,
    autoRenew: c.autoRenew,
    renewalTermMonths: c.renewalTermMonths ?? 12,
    noticePeriodCount: c.noticePeriodCount ?? '',
    noticePeriodUnit: c.noticePeriodUnit ?? 'months',
    valueMinor: c.valueMinor !== null && c.currency ? minorToMajor(c.valueMinor, c.currency) : '',
    currency: c.currency ?? 'CHF',
    ownerId: c.owner?.id ?? null,
    clauses: c.clauses,
    notes: c.notes ?? '',
  };
}

/**
 * Every field of a contract, each present: the create body without its partner (the dialog knows it),
 * taken from the update body since `.omit` cannot keep the create body's refinements; the rules
 * between fields are checked in `validate`.
 */
const contractFields = updateContractBody.omit({ version: true }).required();

/** The request body the form stands for (value in minor units, empty fields as null). */
function bodyOf(v: Values): z.input<typeof contractFields> {
  const amount = num(v.valueMinor);
  const notice = num(v.noticePeriodCount);
  return {
    title: v.title.trim(),
    type: v.type!,
    status: v.status,
    parties: v.parties.map((p) => p.trim()).filter(Boolean),
    signedOn: v.signedOn,
    startsOn: v.startsOn,
    endsOn: v.endsOn,
    autoRenew: v.autoRenew,
    renewalTermMonths: v.autoRenew ? num(v.renewalTermMonths) : null,
    noticePeriodCount: notice,
    noticePeriodUnit: notice === null ? null : v.noticePeriodUnit,
    valueMinor: amount === null || !v.currency ? null : majorToMinor(amount, v.currency),
    currency: amount === null ? null : v.currency,
    ownerId: v.ownerId,
    clauses: v.clauses,
    notes: v.notes.trim() || null,
  };
}

/** The form's schema: its values become the body, checked by the shared rules; the parsed body is what is sent. */
const contractFormSchema = z.custom<Values>().transform(bodyOf).pipe(contractFields);

/** The body a contract had when the form opened, parsed like the form's (as stored if it no longer parses). */
const parsedBodyOf = (v: Values) => {
  const parsed = contractFormSchema.safeParse(v);
  return parsed.success ? parsed.data : bodyOf(v);
};

function validate(v: Values) {
  const errors: Partial<Record<keyof Values & string, string>> = {};
  // The form's own predicates, worded like the shared schemas' (looked up by their English text).
  const say = (message: string) => fieldMessage({ code: 'custom', message });
  if (!v.title.trim()) errors.title = say('is required');
  if (!v.type) errors.type = say('is required');
  if (v.currency && !isCurrency(v.currency)) errors.currency = say('must be an ISO 4217 currency code such as CHF or EUR');
  if (num(v.valueMinor) !== null && Number(v.valueMinor) < 0) errors.valueMinor = say('must not be negative');
  for (const i of contractRuleIssues(bodyOf(v))) errors[i.path] ??= say(i.message);
  return errors;
}

/** The deadline the server will compute, shown while the form is filled in. */
function NoticePreview({ values }: { values: Values }) {
  const b = bodyOf(values);
  const today = todayInZurich();
  const s = noticeSummary(
    { endsOn: b.endsOn, autoRenew: b.autoRenew, renewalTermMonths: b.renewalTermMonths, noticePeriodCount: b.noticePeriodCount, noticePeriodUnit: b.noticePeriodUnit },
    today,
  );
  const { t } = useTranslation('contracts');
  const due = noticeDue(s.daysToNotice);
  return (
    <Paper withBorder p="sm" radius="md" role="status" aria-live="polite" aria-label={t('form.previewLabel')}>
      <Text size="sm" fw={600}>
        {s.noticeDeadline
          ? due
            ? t('form.previewDue', { date: formatDay(s.noticeDeadline), due })
            : t('form.previewPassed', { date: formatDay(s.noticeDeadline) })
          : t('page.noDeadline')}
      </Text>
      <Text size="sm" c="dimmed">
        {s.noticeDeadline || s.state !== 'open_ended' ? describeContractNotice(s) : t('form.previewHint')}
      </Text>
    </Paper>
  );
}

export interface ContractFormTarget {
  /** Editing this contract; otherwise a new one for the partner. */
  contract?: Contract;
  partner?: { id: string; name: string };
}

/** Adds or edits a contract: what, between whom, its term, renewal and notice, value, owner and security clauses. */
export function ContractFormModal({ target, onClose, onCreated }: { target: ContractFormTarget | null; onClose: () => void; onCreated?: (c: Contract) => void }) {
  const { t } = useTranslation(['contracts', 'common']);
  const me = useMe();
  const editing = target?.contract ?? null;
  const create = useCreateContract();
  const update = useUpdateContract();
  const form = useSchemaForm(contractFormSchema, valuesOf(null, me.user), { validate, labels: labels() });
  const opened = target !== null;
  const v = form.values;

  useEffect(() => {
    if (!opened) return;
    form.reset(valuesOf(editing, me.user));
    create.reset();
    update.reset();
    // Only when the dialog opens for a contract (or a newer version of it): a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

  const submit = form.submit(async (body) => {
    try {
      if (editing) {
        const before = parsedBodyOf(valuesOf(editing, me.user));
        const changes = Object.fromEntries(Object.entries(body).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(before[k as keyof typeof before])));
        await update.mutateAsync({ id: editing.id, version: editing.version, ...changes });
        notifications.show({ color: 'teal', message: t('form.saved') });
      } else {
        const c = await create.mutateAsync({ partnerId: target!.partner!.id, ...body });
        notifications.show({ color: 'teal', message: t('form.added', { title: c.title }) });
        onCreated?.(c);
      }
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('form.conflict'), { cause: e });
      throw e;
    }
  });

  // Read outside the markup: the literal-string lint takes these field names for words.
  const typeInput = form.getInputProps('type');
  const partiesInput = form.getInputProps('parties');

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('form.editTitle', { title: editing.title }) : t('form.addTitle', { name: target?.partner?.name ?? '' })} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('field.title')} required data-autofocus maxLength={NAME_MAX} placeholder={t('form.titlePlaceholder')} {...form.getInputProps('title')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <Select label={t('field.type')} required placeholder={t('form.typePlaceholder')} data={CONTRACT_TYPE_OPTIONS} {...typeInput} />
            <Select label={t('field.status')} data={CONTRACT_STATUS_OPTIONS} allowDeselect={false} {...form.getInputProps('status')} />
          </SimpleGrid>
          <TagsInput
            label={t('field.parties')}
            description={t('form.partiesHint', { max: CONTRACT_PARTIES_MAX })}
            maxTags={CONTRACT_PARTIES_MAX}
            placeholder={t('form.partiesPlaceholder')}
            {...partiesInput}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <DayInput label={t('field.signedOn')} value={v.signedOn} onChange={(d) => form.setFieldValue('signedOn', d)} error={form.errors.signedOn} />
            <DayInput label={t('field.startsOn')} value={v.startsOn} onChange={(d) => form.setFieldValue('startsOn', d)} error={form.errors.startsOn} />
            <DayInput label={t('field.endsOn')} value={v.endsOn} onChange={(d) => form.setFieldValue('endsOn', d)} error={form.errors.endsOn} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md" style={{ alignItems: 'end' }}>
            <Switch label={t('field.autoRenew')} checked={v.autoRenew} onChange={(e) => form.setFieldValue('autoRenew', e.currentTarget.checked)} mb={8} />
            {v.autoRenew && (
              <NumberInput label={t('field.renewalTermMonths')} min={1} max={RENEWAL_TERM_MONTHS_MAX} allowDecimal={false} {...form.getInputProps('renewalTermMonths')} />
            )}
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={t('field.noticePeriod')}
              description={t('form.noticeHint')}
              min={0}
              max={NOTICE_PERIOD_MAX}
              allowDecimal={false}
              {...form.getInputProps('noticePeriodCount')}
            />
            <Select label={t('field.noticePeriodUnit')} data={unitOptions()} allowDeselect={false} {...form.getInputProps('noticePeriodUnit')} />
          </SimpleGrid>
          <NoticePreview values={v} />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={t('field.value')}
              description={t('form.valueHint')}
              min={0}
              thousandSeparator="'"
              decimalScale={minorDigits(v.currency ?? 'CHF')}
              {...form.getInputProps('valueMinor')}
            />
            <Select label={t('field.currency')} searchable data={CURRENCY_OPTIONS} nothingFoundMessage={t('form.noCurrency')} {...form.getInputProps('currency')} />
            <ColleagueSelect
              label={t('field.owner')}
              description={t('form.ownerHint')}
              placeholder={t('form.ownerPlaceholder')}
              clearable
              current={editing?.owner ?? { id: me.user.id, name: me.user.name }}
              {...form.getInputProps('ownerId')}
            />
          </SimpleGrid>
          <Checkbox.Group label={t('field.clauses')} description={t('form.clausesHint')} {...form.getInputProps('clauses')}>
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs" mt="xs">
              {CLAUSE_OPTIONS.map((c) => (
                <Checkbox key={c.value} value={c.value} label={c.label} />
              ))}
            </SimpleGrid>
          </Checkbox.Group>
          <Textarea label={t('field.notes')} autosize minRows={2} maxRows={8} {...form.getInputProps('notes')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending || update.isPending} disabled={Boolean(editing) && !form.isDirty()}>
              {editing ? t('common:action.save') : t('form.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
