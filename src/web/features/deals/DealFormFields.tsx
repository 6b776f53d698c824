import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Button, Group, SegmentedControl, Select, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NAME_MAX } from '../../../shared/schemas/common.js';
import { DOMAIN_MAX } from '../../../shared/schemas/customer.js';
import { OPPORTUNITY_PARTNERS_MAX } from '../../../shared/schemas/opportunity.js';
import type { SchemaForm } from '../../components/useSchemaForm.js';
import { CountrySelect, PartnerSelect } from '../partners/pickers.js';
import { roleOptions } from './labels.js';
import { DEFAULT_ROLE, type OpportunityValues } from './opportunityForm.js';
import { customerOptionsQuery } from './queries.js';

type Form = SchemaForm<OpportunityValues, unknown>;

/** The end customer: one we know (searched by name or domain), or a new one with name, web domain and country. */
export function CustomerFields({ form, current }: { form: Form; current?: { id: string; name: string } | null }) {
  const { t } = useTranslation('deals');
  const [search, setSearch] = useState('');
  const [q] = useDebouncedValue(search, 250);
  const found = useQuery(customerOptionsQuery(q.trim()));
  const data = (found.data ?? []).map((c) => ({ value: c.id, label: c.domain ? t('form.customerOption', { name: c.name, domain: c.domain }) : c.name }));
  if (current && !data.some((d) => d.value === current.id)) data.unshift({ value: current.id, label: current.name });
  const v = form.values;
  const nameInput = form.getInputProps('customerName');
  const domainInput = form.getInputProps('customerDomain');
  const countryInput = form.getInputProps('customerCountry');
  return (
    <Stack gap="xs">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" fw={500} id="deal-customer-label">
          {t('field.customer')}
        </Text>
        <SegmentedControl
          size="xs"
          aria-labelledby="deal-customer-label"
          data={[
            { value: 'existing', label: t('form.customerExisting') },
            { value: 'new', label: t('form.customerNew') },
          ]}
          value={v.customerMode}
          onChange={(mode) => form.setFieldValue('customerMode', mode as OpportunityValues['customerMode'])}
        />
      </Group>
      {v.customerMode === 'existing' ? (
        <Select
          aria-label={t('form.customerPick')}
          placeholder={t('form.customerSearch')}
          searchable
          onSearchChange={setSearch}
          // The API has matched the name or domain already.
          filter={({ options }) => options}
          data={data}
          nothingFoundMessage={found.isFetching ? t('form.searching') : t('form.noCustomer')}
          {...form.getInputProps('customerId')}
        />
      ) : (
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="sm">
          <TextInput label={t('field.customerName')} required maxLength={NAME_MAX} {...nameInput} />
          <TextInput label={t('field.customerDomain')} placeholder={t('form.domainPlaceholder')} maxLength={DOMAIN_MAX} {...domainInput} />
          <CountrySelect label={t('field.country')} clearable {...countryInput} />
        </SimpleGrid>
      )}
      {v.customerMode === 'new' && (
        <Text size="xs" c="dimmed">
          {t('form.customerNewHint')}
        </Text>
      )}
    </Stack>
  );
}

/** A new deal's partners, each with its part in the deal: one at least. */
export function PartnerRows({ form }: { form: Form }) {
  const { t } = useTranslation('deals');
  const rows = form.values.partners;
  const chosen = rows.flatMap((r) => (r.partnerId ? [r.partnerId] : []));
  const error = form.errors.partners;
  return (
    <Stack gap="xs" role="group" aria-labelledby="deal-partners-label">
      <Text size="sm" fw={500} id="deal-partners-label">
        {t('field.partners')}
      </Text>
      {rows.map((row, i) => (
        <Group key={i} gap="sm" align="flex-start" wrap="nowrap">
          <PartnerSelect
            aria-label={t('form.partnerN', { n: i + 1 })}
            placeholder={t('form.partnerSearch')}
            style={{ flex: 2 }}
            value={row.partner}
            exclude={chosen.filter((id) => id !== row.partnerId)}
            error={form.errors[`partners.${i}.partnerId`]}
            onPick={(p) => {
              form.setFieldValue(`partners.${i}.partner`, p);
              form.setFieldValue(`partners.${i}.partnerId`, p?.id ?? null);
            }}
          />
          <Select aria-label={t('form.roleN', { n: i + 1 })} style={{ flex: 1 }} data={roleOptions()} allowDeselect={false} {...form.getInputProps(`partners.${i}.role`)} />
          <ActionIcon
            variant="subtle"
            color="gray"
            size="lg"
            aria-label={t('form.removePartner', { n: i + 1 })}
            disabled={rows.length <= 1}
            onClick={() => form.removeListItem('partners', i)}
          >
            <IconTrash size={16} aria-hidden />
          </ActionIcon>
        </Group>
      ))}
      {error && (
        <Text size="xs" c="red" role="alert">
          {error}
        </Text>
      )}
      {rows.length < OPPORTUNITY_PARTNERS_MAX && (
        <Button
          variant="subtle"
          size="xs"
          leftSection={<IconPlus size={14} aria-hidden />}
          style={{ alignSelf: 'flex-start' }}
          onClick={() => form.insertListItem('partners', { partnerId: null, partner: null, role: DEFAULT_ROLE })}
        >
          {t('form.addPartner')}
        </Button>
      )}
    </Stack>
  );
}
