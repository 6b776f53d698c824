import { useEffect } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Modal, MultiSelect, NumberInput, SegmentedControl, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { DEAL_CURRENCIES, REGISTRATION_PARTNER_TYPES, type DealCurrency, type RegistrationDirection } from '../../../shared/deals.js';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { createRegistrationBody, updateRegistrationBody, type Registration } from '../../../shared/schemas/registration.js';
import { ApiError } from '../../api.js';
import { i18n } from '../../i18n.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { majorToMinor, minorDigits, minorToMajor } from '../../lib/format.js';
import { contactsListQuery } from '../contacts/queries.js';
import { CountrySelect, PartnerSelect } from '../partners/pickers.js';
import { productsQuery } from '../products/queries.js';
import { partnerProgramsQuery } from '../programs/queries.js';
import { DayPicker } from './DayPicker.js';
import { directionOptions } from './labels.js';
import { useCreateRegistration, useUpdateRegistration } from './queries.js';

interface Values extends Record<string, unknown> {
  editing: boolean;
  direction: RegistrationDirection;
  status: 'draft' | 'submitted';
  partner: PartnerSummary | null;
  partnerId: string | null;
  programId: string | null;
  customerName: string;
  customerDomain: string;
  customerCountry: string | null;
  productIds: string[];
  /** Major units as typed (12500.50); sent as minor units. */
  value: number | string;
  currency: DealCurrency;
  expectedCloseOn: string | null;
  contactId: string | null;
  portalReference: string;
  portalUrl: string;
  benefit: string;
  notes: string;
}

const labels = (): Partial<Record<keyof Values & string, string>> => ({
  partnerId: i18n.t('registrations:field.partner'),
  programId: i18n.t('registrations:field.program'),
  customerName: i18n.t('registrations:field.customerName'),
  customerDomain: i18n.t('registrations:field.domain'),
  productIds: i18n.t('registrations:field.products'),
  value: i18n.t('registrations:field.estimatedValue'),
  currency: i18n.t('registrations:field.currency'),
  portalUrl: i18n.t('registrations:field.portalUrl'),
});

const blank = (s: string) => s.trim() || null;

function valuesOf(r: Registration | null, partner: PartnerSummary | null, direction: RegistrationDirection): Values {
  return {
    editing: r !== null,
    direction: r?.direction ?? direction,
    status: 'submitted',
    partner,
    partnerId: partner?.id ?? null,
    programId: r?.program?.id ?? null,
    customerName: r?.customer.name ?? '',
    customerDomain: r?.customer.domain ?? '',
    customerCountry: r?.customer.country ?? null,
    productIds: r?.products.map((p) => p.id) ?? [],
    value: r?.estimatedValueMinor != null && r.currency ? minorToMajor(r.estimatedValueMinor, r.currency) : '',
    currency: r?.currency ?? 'CHF',
    expectedCloseOn: r?.expectedCloseOn ?? null,
    contactId: r?.contact?.id ?? null,
    portalReference: r?.portalReference ?? '',
    portalUrl: r?.portalUrl ?? '',
    benefit: r?.benefit ?? '',
    notes: r?.notes ?? '',
  };
}

/** The fields both bodies share, from the form's values. */
function fieldsOf(v: Values) {
  const minor = majorToMinor(v.value, v.currency);
  const outbound = v.direction === 'outbound';
  return {
    programId: outbound ? v.programId : null,
    customer: { name: v.customerName.trim(), domain: blank(v.customerDomain), country: v.customerCountry },
    productIds: v.productIds,
    estimatedValueMinor: minor,
    currency: minor === null ? null : v.currency,
    expectedCloseOn: v.expectedCloseOn,
    contactId: outbound ? null : v.contactId,
    portalReference: outbound ? blank(v.portalReference) : null,
    portalUrl: outbound ? blank(v.portalUrl) : null,
    benefit: outbound ? blank(v.benefit) : null,
    notes: blank(v.notes),
  };
}

const updateFields = updateRegistrationBody.omit({ version: true });
type Body = z.output<typeof createRegistrationBody> | z.output<typeof updateFields>;

/**
 * The form's schema: a new registration becomes the shared create body, an edit the shared update
 * body (a changed customer name or domain finds or creates that customer); their issues land on the
 * form's fields through `fieldOf`.
 */
const formSchema = z.custom<Values>().transform((v, ctx): Body => {
  const parsed = v.editing
    ? updateFields.safeParse(fieldsOf(v))
    : createRegistrationBody.safeParse({ direction: v.direction, status: v.status, partnerId: v.partnerId ?? '', ...fieldsOf(v) });
  if (parsed.success) return parsed.data;
  for (const issue of parsed.error.issues) ctx.addIssue({ ...issue, path: [fieldOf(issue.path.join('.'))] } as never);
  return z.NEVER;
});

/** A body path's form field ("customer.name" is "customerName"). */
function fieldOf(path: string): string {
  if (path === 'customer' || path.startsWith('customer.name')) return 'customerName';
  if (path.startsWith('customer.domain')) return 'customerDomain';
  if (path.startsWith('customer.country')) return 'customerCountry';
  if (path.startsWith('estimatedValueMinor')) return 'value';
  return path.split('.')[0] ?? path;
}

export interface RegistrationFormProps {
  opened: boolean;
  onClose: () => void;
  /** Editing this registration; otherwise a new one. */
  registration?: Registration | null;
  /** A new registration with this partner (the partner's tab). */
  partner?: PartnerSummary | null;
  onSaved?: (r: Registration) => void;
}

/** Records a deal registration, outbound or inbound, or edits one. */
export function RegistrationFormModal({ opened, onClose, registration = null, partner = null, onSaved }: RegistrationFormProps) {
  const { t } = useTranslation(['registrations', 'common']);
  const editing = registration;
  const create = useCreateRegistration();
  const update = useUpdateRegistration();
  const initialDirection: RegistrationDirection = partner?.types.some((x) => (REGISTRATION_PARTNER_TYPES.inbound as readonly string[]).includes(x)) ? 'inbound' : 'outbound';
  const form = useSchemaForm(formSchema, valuesOf(editing, partner, initialDirection), { labels: labels(), fieldOf });
  const v = form.values;
  const products = useQuery({ ...productsQuery(), enabled: opened });
  const programs = useQuery({ ...partnerProgramsQuery(v.partnerId ?? ''), enabled: opened && Boolean(v.partnerId) && v.direction === 'outbound' });
  const contacts = useQuery({
    ...contactsListQuery({ page: 1, pageSize: 100, sort: 'name', status: 'current', partnerId: v.partnerId ?? undefined }),
    enabled: opened && Boolean(v.partnerId) && v.direction === 'inbound',
  });

  useEffect(() => {
    if (!opened) return;
    const p = editing ? { id: editing.partner.id, name: editing.partner.name } : partner;
    form.reset(valuesOf(editing, p as PartnerSummary | null, initialDirection));
    create.reset();
    update.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when the dialog opens (or for a newer version)
  }, [opened, editing?.id, editing?.version]);

  const submit = form.submit(async (body) => {
    try {
      // An edit sends what changed: an unchanged customer is not looked up (or created) again.
      const before = editing ? fieldsOf(valuesOf(editing, null, editing.direction)) : null;
      const changes = before && Object.fromEntries(Object.entries(body).filter(([k, x]) => JSON.stringify(x) !== JSON.stringify(before[k as keyof typeof before])));
      const saved = editing
        ? await update.mutateAsync({ id: editing.id, version: editing.version, ...(changes as z.output<typeof updateFields>) })
        : await create.mutateAsync(body as z.output<typeof createRegistrationBody>);
      notifications.show({ color: 'teal', message: editing ? t('form.saved') : t('form.added', { customer: saved.customer.name }) });
      onSaved?.(saved);
      onClose();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'version_conflict') throw new Error(t('form.conflict'), { cause: e });
      throw e;
    }
  });

  const allowed = REGISTRATION_PARTNER_TYPES[v.direction] as readonly string[];
  const productOptions = (products.data ?? []).map((p) => ({ value: p.id, label: p.name }));
  const currencyOptions = DEAL_CURRENCIES.map((c) => ({ value: c, label: c }));
  const outbound = v.direction === 'outbound';
  const partnerError = form.errors.partnerId;
  // Read outside the markup: the literal-string lint takes these field names for words.
  const programInput = form.getInputProps('programId');
  const productsInput = form.getInputProps('productIds');
  const referenceInput = form.getInputProps('portalReference');
  const portalUrlInput = form.getInputProps('portalUrl');

  return (
    <Modal opened={opened} onClose={onClose} size="xl" title={editing ? t('form.editTitle', { customer: editing.customer.name }) : t('form.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          {!editing && (
            <>
              <Stack gap={4}>
                <SegmentedControl
                  aria-label={t('field.direction')}
                  data={directionOptions()}
                  value={v.direction}
                  onChange={(d) => {
                    form.setFieldValue('direction', d as RegistrationDirection);
                    form.setFieldValue('partner', null);
                    form.setFieldValue('partnerId', null);
                  }}
                />
                <Text size="xs" c="dimmed">
                  {t(`form.directionHint.${v.direction}`)}
                </Text>
              </Stack>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <PartnerSelect
                  label={t('field.partner')}
                  description={t(`form.partnerHint.${v.direction}`)}
                  placeholder={t('form.partnerPlaceholder')}
                  required
                  allow={(p) => p.types.some((x) => allowed.includes(x))}
                  value={v.partner}
                  error={partnerError}
                  onPick={(p) => {
                    form.setFieldValue('partner', p);
                    form.setFieldValue('partnerId', p?.id ?? null);
                    form.setFieldValue('programId', null);
                    form.setFieldValue('contactId', null);
                  }}
                />
                <Select
                  label={t('form.status')}
                  allowDeselect={false}
                  data={[
                    { value: 'submitted', label: t('form.statusSubmitted') },
                    { value: 'draft', label: t('form.statusDraft') },
                  ]}
                  {...form.getInputProps('status')}
                />
              </SimpleGrid>
            </>
          )}
          {outbound && (
            <Select
              label={t('form.program')}
              placeholder={t('form.programPlaceholder')}
              clearable
              data={(programs.data ?? []).map((p) => ({ value: p.id, label: p.name }))}
              {...programInput}
            />
          )}
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <TextInput label={t('field.customerName')} required maxLength={NAME_MAX} description={t('form.customerNameHint')} {...form.getInputProps('customerName')} />
            <TextInput label={t('field.domain')} placeholder={t('form.domainPlaceholder')} {...form.getInputProps('customerDomain')} />
            <CountrySelect label={t('field.country')} clearable {...form.getInputProps('customerCountry')} />
          </SimpleGrid>
          <MultiSelect
            label={t('field.products')}
            required={v.direction === 'inbound'}
            placeholder={t('form.productsPlaceholder')}
            searchable
            data={productOptions}
            {...productsInput}
          />
          <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="md">
            <NumberInput
              label={t('field.estimatedValue')}
              description={t('form.valueHint')}
              min={0}
              thousandSeparator="'"
              decimalScale={minorDigits(v.currency)}
              {...form.getInputProps('value')}
            />
            <Select label={t('field.currency')} data={currencyOptions} allowDeselect={false} {...form.getInputProps('currency')} />
            <DayPicker
              label={t('field.expectedCloseOn')}
              value={v.expectedCloseOn}
              onChange={(d) => form.setFieldValue('expectedCloseOn', d)}
              error={form.errors.expectedCloseOn}
            />
          </SimpleGrid>
          {outbound ? (
            <>
              <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md">
                <TextInput label={t('field.portalReference')} maxLength={NAME_MAX} {...referenceInput} />
                <TextInput label={t('field.portalUrl')} type="url" {...portalUrlInput} />
              </SimpleGrid>
              <TextInput label={t('field.benefit')} {...form.getInputProps('benefit')} />
            </>
          ) : (
            <Select
              label={t('field.contact')}
              placeholder={t('form.contactPlaceholder')}
              clearable
              data={(contacts.data?.items ?? []).map((c) => ({ value: c.id, label: c.fullName }))}
              {...form.getInputProps('contactId')}
            />
          )}
          <Textarea label={t('field.notes')} autosize minRows={2} maxRows={6} {...form.getInputProps('notes')} />
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
