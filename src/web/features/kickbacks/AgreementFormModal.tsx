import { useEffect } from 'react';
import { ActionIcon, Button, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DateInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DEAL_CURRENCIES, KICKBACK_BASES, KICKBACK_KINDS, TIER_MODES, type DealCurrency, type KickbackBasis, type KickbackKind, type TierMode } from '../../../shared/deals.js';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import { agreementRuleIssues, KICKBACK_TIERS_MAX, updateAgreementBody, type Agreement } from '../../../shared/schemas/kickback.js';
import { fieldMessage, i18n } from '../../i18n.js';
import { majorToMinor, minorToMajor } from '../../lib/format.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { useSaveAgreement } from './queries.js';

interface Tier extends Record<string, unknown> {
  threshold: number | string;
  rate: number | string;
}
interface Values extends Record<string, unknown> {
  name: string;
  validFrom: string | null;
  validTo: string | null;
  kind: KickbackKind;
  basis: KickbackBasis;
  currency: DealCurrency;
  /** Percent as typed (2.5); sent as basis points (250). */
  rate: number | string;
  months: number | string;
  /** Major units as typed; sent as minor units. */
  flat: number | string;
  tierMode: TierMode;
  tiers: Tier[];
  notes: string;
}

const text = (v: number | string) => (v === '' || v === null || v === undefined ? null : String(v));
/** Percent with up to two decimals as basis points, exactly (2.55 → 255): the same shift as an amount's to minor units. */
const toBp = (v: number | string) => majorToMinor(text(v), 'CHF');

function bodyOf(v: Values) {
  return {
    name: v.name.trim(),
    validFrom: v.validFrom ?? '',
    validTo: v.validTo,
    kind: v.kind,
    basis: v.basis,
    currency: v.currency,
    rateBp: v.kind === 'first_year_pct' || v.kind === 'mrr_pct_months' ? toBp(v.rate) : null,
    months: v.kind === 'mrr_pct_months' && text(v.months) !== null ? Number(v.months) : null,
    flatMinor: v.kind === 'flat_per_deal' ? majorToMinor(text(v.flat), v.currency) : null,
    tierMode: v.kind === 'tiered' ? v.tierMode : null,
    tiers: v.kind === 'tiered' ? v.tiers.map((x) => ({ thresholdMinor: majorToMinor(text(x.threshold), v.currency) ?? Number.NaN, rateBp: toBp(x.rate) ?? Number.NaN })) : [],
    notes: v.notes.trim() || null,
  };
}

const fields = updateAgreementBody.omit({ version: true }).required();
const formSchema = z.custom<Values>().transform(bodyOf).pipe(fields);

/** The server's and the schema's paths on the form's fields (`tiers.1.rateBp` → `tiers.1.rate`). */
const fieldOf = (path: string) =>
  path
    .replace(/^rateBp$/, 'rate')
    .replace(/^flatMinor$/, 'flat')
    .replace(/\.thresholdMinor$/, '.threshold')
    .replace(/^(tiers\.\d+)\.rateBp$/, '$1.rate');

function validate(v: Values) {
  const errors: Record<string, string> = {};
  const say = (message: string) => fieldMessage({ code: 'custom', message });
  const b = bodyOf(v);
  if (!v.validFrom) errors.validFrom = say('is required');
  if (v.validFrom) for (const i of agreementRuleIssues({ ...b, validFrom: v.validFrom, tiers: b.tiers })) errors[fieldOf(i.path)] ??= say(i.message);
  return errors;
}

function valuesOf(a: Agreement | null): Values {
  return {
    name: a?.name ?? '',
    validFrom: a?.validFrom ?? null,
    validTo: a?.validTo ?? null,
    kind: a?.kind ?? 'first_year_pct',
    basis: a?.basis ?? 'won',
    currency: a?.currency ?? 'CHF',
    rate: a?.rateBp != null ? minorToMajor(a.rateBp, 'CHF') : '',
    months: a?.months ?? 12,
    flat: a?.flatMinor != null ? minorToMajor(a.flatMinor, a.currency) : '',
    tierMode: a?.tierMode ?? 'whole_year',
    tiers: a?.tiers.length ? a.tiers.map((x) => ({ threshold: minorToMajor(x.thresholdMinor, a.currency), rate: minorToMajor(x.rateBp, 'CHF') })) : [{ threshold: 0, rate: '' }],
    notes: a?.notes ?? '',
  };
}

const labels = () => ({
  name: i18n.t('kickbacks:form.name'),
  validFrom: i18n.t('kickbacks:form.validFrom'),
  validTo: i18n.t('kickbacks:form.validTo'),
  rate: i18n.t('kickbacks:form.ratePercent'),
  months: i18n.t('kickbacks:form.months'),
  flat: i18n.t('kickbacks:form.flat'),
  tierMode: i18n.t('kickbacks:form.tierMode'),
  tiers: i18n.t('kickbacks:form.tiers'),
});

export interface AgreementFormTarget {
  partner: { id: string; name: string };
  /** Editing this agreement; a new one otherwise. */
  agreement?: Agreement;
}

/** A kickback agreement: its kind decides which terms it asks for (a rate, months of MRR, a flat fee, or tiers). */
export function AgreementFormModal({ target, onClose }: { target: AgreementFormTarget | null; onClose: () => void }) {
  const { t } = useTranslation('kickbacks');
  const editing = target?.agreement ?? null;
  const save = useSaveAgreement();
  const form = useSchemaForm(formSchema, valuesOf(null), { validate, labels: labels(), fieldOf });
  const v = form.values;
  const opened = target !== null;

  useEffect(() => {
    if (!opened) return;
    form.reset();
    form.setValues(valuesOf(editing));
    save.reset();
    // Only when the dialog opens for an agreement (or a newer version of it): a refetch must not wipe typing.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, editing?.id, editing?.version]);

  const submit = form.submit(async (body) => {
    if (editing) await save.mutateAsync({ id: editing.id, update: { ...body, version: editing.version } });
    else await save.mutateAsync({ create: { partnerId: target!.partner.id, ...body, validTo: body.validTo ?? undefined } });
    notifications.show({ color: 'teal', message: t('form.saved') });
    onClose();
  });

  const option = <K extends string>(values: readonly K[], ns: string) => values.map((x) => ({ value: x, label: t(`${ns}.${x}` as 'kind.tiered') }));
  const day = (key: 'validFrom' | 'validTo') => ({
    value: v[key],
    onChange: (d: string | null) => form.setFieldValue(key, d ? String(d).slice(0, 10) : null),
    error: form.errors[key],
    valueFormat: 'YYYY-MM-DD',
    clearable: key === 'validTo',
  });

  return (
    <Modal opened={opened} onClose={onClose} title={editing ? t('form.editTitle') : t('form.createTitle')} size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <Text size="sm" c="dimmed">
            {target?.partner.name}
          </Text>
          <TextInput label={t('form.name')} required data-autofocus maxLength={NAME_MAX} {...form.getInputProps('name')} />
          <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
            <DateInput label={t('form.validFrom')} required {...day('validFrom')} />
            <DateInput label={t('form.validTo')} description={t('form.validToHint')} {...day('validTo')} />
          </SimpleGrid>
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <Select label={t('form.kind')} data={option(KICKBACK_KINDS, 'kind')} allowDeselect={false} {...form.getInputProps('kind')} />
            <Select label={t('form.basis')} data={option(KICKBACK_BASES, 'basis')} allowDeselect={false} {...form.getInputProps('basis')} />
            <Select label={t('form.currency')} description={t('form.currencyHint')} data={[...DEAL_CURRENCIES]} allowDeselect={false} {...form.getInputProps('currency')} />
          </SimpleGrid>
          {v.basis === 'invoice_paid' && (
            <Text size="sm" c="orange.9" role="status">
              {t('agreement.awaitingInvoices')}
            </Text>
          )}
          {(v.kind === 'first_year_pct' || v.kind === 'mrr_pct_months') && (
            <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
              <NumberInput label={t('form.ratePercent')} required min={0} max={100} decimalScale={2} {...form.getInputProps('rate')} />
              {v.kind === 'mrr_pct_months' && <NumberInput label={t('form.months')} required min={1} max={120} allowDecimal={false} {...form.getInputProps('months')} />}
            </SimpleGrid>
          )}
          {v.kind === 'flat_per_deal' && <NumberInput label={t('form.flat')} required min={0} decimalScale={2} thousandSeparator="'" {...form.getInputProps('flat')} />}
          {v.kind === 'tiered' && (
            <Stack gap="xs">
              <Select label={t('form.tierMode')} data={option(TIER_MODES, 'tierMode')} allowDeselect={false} {...form.getInputProps('tierMode')} />
              <Text size="sm" fw={500}>
                {t('form.tiers')}
              </Text>
              {v.tiers.map((_tier, i) => (
                <Group key={i} gap="sm" align="flex-end" wrap="nowrap">
                  <NumberInput label={t('form.tierThreshold')} min={0} decimalScale={2} thousandSeparator="'" style={{ flex: 1 }} {...form.getInputProps(`tiers.${i}.threshold`)} />
                  <NumberInput label={t('form.tierRate')} min={0} max={100} decimalScale={2} style={{ flex: 1 }} {...form.getInputProps(`tiers.${i}.rate`)} />
                  <ActionIcon
                    variant="subtle"
                    color="gray"
                    mb={4}
                    aria-label={t('form.removeTier', { n: i + 1 })}
                    disabled={v.tiers.length <= 1}
                    onClick={() => form.removeListItem('tiers', i)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              {typeof form.errors.tiers === 'string' && (
                <Text size="sm" c="red.8">
                  {form.errors.tiers}
                </Text>
              )}
              <Group>
                <Button
                  variant="default"
                  size="xs"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={v.tiers.length >= KICKBACK_TIERS_MAX}
                  onClick={() => form.insertListItem('tiers', { threshold: '', rate: '' })}
                >
                  {t('form.addTier')}
                </Button>
              </Group>
            </Stack>
          )}
          <Textarea label={t('form.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('form.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {editing ? t('form.save') : t('form.create')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
