import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Button, Card, Group, Modal, Select, SimpleGrid, Stack, Table, Text, TextInput } from '@mantine/core';
import { MonthPickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconCurrencyFrank, IconPencil, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { FX_CURRENCIES, fxRateBody, monthParam, type FxRate } from '../../../shared/schemas/opportunity.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { EmptyState } from '../../components/states.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { formatDateTime, todayInZurich } from '../../lib/format.js';
import { ratesQuery, useSaveRate } from './queries.js';

type Currency = (typeof FX_CURRENCIES)[number];
interface Values extends Record<string, unknown> {
  month: string | null;
  currency: Currency;
  rateToChf: string;
}
const rateForm = z.object({ month: monthParam, currency: z.enum(FX_CURRENCIES), rateToChf: fxRateBody.shape.rateToChf });

/** Sets the rate of a currency for a month (a new one, or a correction of one shown). */
function RateModal({ target, onClose }: { target: Values | null; onClose: () => void }) {
  const { t } = useTranslation(['deals', 'common']);
  const save = useSaveRate();
  const blank: Values = { month: todayInZurich().slice(0, 7), currency: 'EUR', rateToChf: '' };
  const form = useSchemaForm(rateForm, blank, { labels: { month: t('rates.month'), currency: t('rates.currency'), rateToChf: t('rates.rate') } });
  useEffect(() => {
    if (!target) return;
    form.reset(target);
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [target]);
  const submit = form.submit(async (body) => {
    await save.mutateAsync(body);
    notifications.show({ color: 'teal', message: t('rates.saved', { currency: body.currency, month: body.month }) });
    onClose();
  });
  const rateInput = form.getInputProps('rateToChf');
  return (
    <Modal opened={target !== null} onClose={onClose} title={t('rates.setTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <SimpleGrid cols={2} spacing="sm">
            <MonthPickerInput
              label={t('rates.month')}
              valueFormat="MMMM YYYY"
              value={form.values.month ? `${form.values.month}-01` : null}
              onChange={(d) => form.setFieldValue('month', d ? String(d).slice(0, 7) : null)}
              error={form.errors.month}
              popoverProps={{ withinPortal: true }}
            />
            <Select label={t('rates.currency')} data={[...FX_CURRENCIES]} allowDeselect={false} {...form.getInputProps('currency')} />
          </SimpleGrid>
          <TextInput label={t('rates.rate')} placeholder={t('rates.ratePlaceholder')} required data-autofocus inputMode="decimal" {...rateInput} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('common:action.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/fx-rates: CHF per EUR and USD by month; administrators set them, Partner Managers and finance read them. */
export function RatesAdminPage() {
  const { t } = useTranslation('deals');
  const me = useMe();
  const canSet = me.can.manageFxRates;
  const rates = useQuery(ratesQuery());
  const [target, setTarget] = useState<Values | null>(null);
  const months = [...new Set((rates.data ?? []).map((r) => r.month))].sort((a, b) => b.localeCompare(a));
  const rateOf = (month: string, currency: Currency): FxRate | undefined => rates.data?.find((r) => r.month === month && r.currency === currency);
  const newRate = () => setTarget({ month: todayInZurich().slice(0, 7), currency: 'EUR', rateToChf: '' });

  return (
    <>
      <PageHeader
        title={t('rates.title')}
        description={canSet ? t('rates.description') : `${t('rates.description')} ${t('rates.readOnly')}`}
        actions={
          canSet && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={newRate}>
              {t('rates.set')}
            </Button>
          )
        }
      />
      <Card withBorder radius="md" padding={0}>
        <QueryStates
          query={rates}
          loading={t('rates.loading')}
          inset
          isEmpty={(items) => items.length === 0}
          empty={<EmptyState icon={<IconCurrencyFrank size={24} aria-hidden />} title={t('rates.none')} description={t('rates.noneHint')} />}
        >
          {() => (
            <ListTable query={rates} caption={t('rates.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('rates.month')}</Table.Th>
                  {FX_CURRENCIES.map((c) => (
                    <Table.Th key={c}>{c}</Table.Th>
                  ))}
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {months.map((month) => (
                  <Table.Tr key={month}>
                    <Table.Td>{month}</Table.Td>
                    {FX_CURRENCIES.map((currency) => {
                      const r = rateOf(month, currency);
                      return (
                        <Table.Td key={currency}>
                          <Group gap={4} wrap="nowrap">
                            <Text size="sm" title={r ? `${t('rates.updated')}: ${formatDateTime(r.updatedAt)}` : undefined}>
                              {r?.rateToChf ?? '—'}
                            </Text>
                            {canSet && (
                              <ActionIcon
                                variant="subtle"
                                color="gray"
                                size="sm"
                                aria-label={t('rates.edit', { currency, month })}
                                onClick={() => setTarget({ month, currency, rateToChf: r?.rateToChf ?? '' })}
                              >
                                <IconPencil size={14} aria-hidden />
                              </ActionIcon>
                            )}
                          </Group>
                        </Table.Td>
                      );
                    })}
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>
      </Card>
      <RateModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
