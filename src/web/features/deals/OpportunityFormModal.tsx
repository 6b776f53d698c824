import { useEffect } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NAME_MAX, TEXT_MAX } from '../../../shared/schemas/common.js';
import { NEXT_STEP_MAX, type Opportunity } from '../../../shared/schemas/opportunity.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { isApiError } from '../../api.js';
import { useMe } from '../../components/session.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { arrOf } from '../../../shared/money.js';
import { formatMinor, majorToMinor, minorDigits } from '../../lib/format.js';
import { ColleagueSelect } from '../partners/pickers.js';
import { productsQuery } from '../products/queries.js';
import { CustomerFields, PartnerRows } from './DealFormFields.js';
import { CURRENCY_OPTIONS, dealPath, stageName } from './labels.js';
import { createFormSchema, editFormSchema, fieldOf, labels, validate, valuesOf, type OpportunityValues } from './opportunityForm.js';
import { stagesQuery, useCreateOpportunity, useUpdateOpportunity } from './queries.js';

export interface OpportunityFormTarget {
  /** Editing this deal; otherwise a new one. */
  opportunity?: Opportunity;
  /** A new deal's first partner (from the partner's Deals tab). */
  partner?: PartnerSummary;
}

function DayPicker({ label, value, onChange, error }: { label: string; value: string | null; onChange: (d: string | null) => void; error?: React.ReactNode }) {
  const { t } = useTranslation('deals');
  return (
    <DatePickerInput
      label={label}
      placeholder={t('form.datePlaceholder')}
      clearable
      leftSection={<IconCalendar size={16} aria-hidden />}
      valueFormat="D MMM YYYY"
      firstDayOfWeek={1}
      value={value}
      onChange={(d) => onChange(d ? String(d).slice(0, 10) : null)}
      error={error}
      popoverProps={{ withinPortal: true }}
    />
  );
}

/** Adds a deal (customer, partners with their roles, products, amounts, stage, dates, owner, next step) or edits one. */
export function OpportunityFormModal({ target, onClose }: { target: OpportunityFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation(['deals', 'common']);
  const me = useMe();
  const navigate = useNavigate();
  const editing = target?.opportunity ?? null;
  const opened = target !== null;
  const stages = useQuery({ ...stagesQuery(), enabled: opened });
  const products = useQuery({ ...productsQuery(), enabled: opened });
  const create = useCreateOpportunity();
  const update = useUpdateOpportunity();
  const defaults = { ownerId: me.user.id, partner: target?.partner ?? null, stage: null };
  const schema = editing ? editFormSchema : createFormSchema;
  const stageKind = (v: OpportunityValues) => (editing ? editing.stage.kind : stages.data?.find((s) => s.key === v.stage)?.kind);
  const form = useSchemaForm(schema, valuesOf(null, defaults), {
    labels: labels(),
    fieldOf,
    validate: (v) => validate(v, !editing, stageKind(v)),
  });
  const v = form.values;

  useEffect(() => {
    if (!opened) return;
    form.reset(valuesOf(editing, defaults));
    create.reset();
    update.reset();
    // Only when the dialog opens for a deal (or a newer version of it): a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

  // A new deal starts in the first open stage once the stages are known.
  useEffect(() => {
    if (opened && !editing && !form.values.stage && stages.data?.length) form.setFieldValue('stage', stages.data.find((s) => s.kind === 'open')?.key ?? null);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, stages.data]);

  const submit = form.submit(async (body) => {
    try {
      if (editing) {
        const before = editFormSchema.safeParse(valuesOf(editing, defaults));
        const old = (before.success ? before.data : {}) as Record<string, unknown>;
        const changes = Object.fromEntries(Object.entries(body as Record<string, unknown>).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(old[k])));
        await update.mutateAsync({ id: editing.id, version: editing.version, ...changes });
        notifications.show({ color: 'teal', message: t('form.saved') });
      } else {
        const o = await create.mutateAsync(body as Parameters<typeof create.mutateAsync>[0]);
        notifications.show({ color: 'teal', message: t('form.added', { title: o.title }) });
        void navigate(dealPath(o.id));
      }
      onClose();
    } catch (e) {
      if (isApiError(e, 409) && e.code === 'version_conflict') throw new Error(t('form.conflict'), { cause: e });
      throw e;
    }
  });

  const mrrMinor = majorToMinor(v.mrr, v.currency);
  const stageOptions = (stages.data ?? []).map((s) => ({ value: s.key, label: stageName(s) }));
  const productOptions = (products.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const lost = stageKind(v) === 'lost';
  // Read outside the markup: the literal-string lint takes these field names for words.
  const titleInput = form.getInputProps('title');
  const notesInput = form.getInputProps('notes');
  const nextStepInput = form.getInputProps('nextStep');
  const productsInput = form.getInputProps('productIds');

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('form.editTitle', { title: editing.title }) : t('form.newTitle')} size="xl">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <TextInput label={t('field.title')} required data-autofocus maxLength={NAME_MAX} placeholder={t('form.titlePlaceholder')} {...titleInput} />
          <CustomerFields form={form} current={editing ? { id: editing.customer.id, name: editing.customer.name } : null} />
          {!editing && <PartnerRows form={form} />}
          <MultiSelect
            label={t('field.products')}
            placeholder={v.productIds.length ? undefined : t('form.productsPlaceholder')}
            data={productOptions}
            searchable
            clearable
            nothingFoundMessage={t('form.noProduct')}
            {...productsInput}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select label={t('field.currency')} data={CURRENCY_OPTIONS} allowDeselect={false} {...form.getInputProps('currency')} />
            <NumberInput label={t('field.oneOff')} min={0} thousandSeparator="'" decimalScale={minorDigits(v.currency)} {...form.getInputProps('oneOff')} />
            <NumberInput
              label={t('field.mrr')}
              description={mrrMinor && !Number.isNaN(mrrMinor) ? t('form.arrPreview', { amount: formatMinor(arrOf(mrrMinor), v.currency) }) : undefined}
              min={0}
              thousandSeparator="'"
              decimalScale={minorDigits(v.currency)}
              {...form.getInputProps('mrr')}
            />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            {!editing && <Select label={t('field.stage')} data={stageOptions} allowDeselect={false} {...form.getInputProps('stage')} />}
            <DayPicker label={t('field.expectedClose')} value={v.expectedCloseOn} onChange={(d) => form.setFieldValue('expectedCloseOn', d)} error={form.errors.expectedCloseOn} />
            <ColleagueSelect label={t('field.owner')} clearable current={editing ? editing.owner : { id: me.user.id, name: me.user.name }} {...form.getInputProps('ownerId')} />
          </SimpleGrid>
          {lost && <Textarea label={t('field.lostReason')} required autosize minRows={2} maxRows={6} {...form.getInputProps('lostReason')} />}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('field.nextStep')} maxLength={NEXT_STEP_MAX} style={{ gridColumn: 'span 2' }} {...nextStepInput} />
            <DayPicker label={t('field.nextStepDue')} value={v.nextStepDueOn} onChange={(d) => form.setFieldValue('nextStepDueOn', d)} error={form.errors.nextStepDueOn} />
          </SimpleGrid>
          <Textarea label={t('field.notes')} autosize minRows={2} maxRows={8} maxLength={TEXT_MAX} {...notesInput} />
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
