import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, CloseButton, Group, Select, Table, TextInput } from '@mantine/core';
import { IconFileCertificate, IconPlus, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { listRegistrationsQuery } from '../../../shared/schemas/registration.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { sortCaption } from '../../components/SortHeader.js';
import { EmptyState } from '../../components/states.js';
import { useListParams } from '../../components/useListParams.js';
import { DayPicker } from './DayPicker.js';
import { directionOptions, statusOptions } from './labels.js';
import { registrationsListQuery } from './queries.js';
import { RegistrationFormModal } from './RegistrationFormModal.js';
import { RegistrationRow, RegistrationsHead } from './RegistrationsTable.js';

/** Every deal registration, both directions, with filters, order, paging and export. */
export function RegistrationsPage() {
  const { t } = useTranslation('registrations');
  const me = useMe();
  const navigate = useNavigate();
  const [adding, setAdding] = useState(false);
  // The list's state lives in the address, so back/forward and shared links work.
  const { params, update, search } = useListParams(listRegistrationsQuery);
  const status = params.status?.join(',');
  const filters = { q: params.q, direction: params.direction, status, partnerId: params.partnerId, protectedBefore: params.protectedBefore, archived: params.archived };
  const list = useQuery(registrationsListQuery({ ...filters, page: params.page, pageSize: params.pageSize, sort: params.sort }));
  const filtered = Boolean(params.q || params.direction || status || params.partnerId || params.protectedBefore);
  const sortWords = {
    filedAt: t('sort.filedAt'),
    protectedUntil: t('sort.protectedUntil'),
    customer: t('sort.customer'),
    partner: t('sort.partner'),
    status: t('sort.status'),
    estimatedValue: t('sort.estimatedValue'),
  };
  const clearFilters = () => {
    search.setValue('');
    update({ q: null, direction: null, status: null, partnerId: null, protectedBefore: null });
  };

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          me.can.createPartners ? (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
              {t('list.add')}
            </Button>
          ) : undefined
        }
      />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" gap="sm" role="search" aria-label={t('list.filters')} align="flex-end">
          <TextInput
            style={{ flex: '2 1 14rem' }}
            aria-label={t('list.searchLabel')}
            placeholder={t('list.searchPlaceholder')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label={t('list.clearSearch')} onClick={() => search.setValue('')} /> : null}
          />
          <Select
            style={{ flex: '1 1 9rem' }}
            aria-label={t('field.direction')}
            placeholder={t('list.anyDirection')}
            data={directionOptions()}
            value={params.direction ?? null}
            onChange={(v) => update({ direction: v })}
            clearable
          />
          <Select
            style={{ flex: '1 1 9rem' }}
            aria-label={t('field.status')}
            placeholder={t('list.anyStatus')}
            data={statusOptions()}
            value={params.status?.[0] ?? null}
            onChange={(v) => update({ status: v ? [v] : null })}
            clearable
          />
          <DayPicker
            style={{ flex: '1 1 10rem' }}
            aria-label={t('list.protectedBefore')}
            placeholder={t('list.protectedBefore')}
            value={params.protectedBefore ?? null}
            onChange={(d) => update({ protectedBefore: d })}
          />
          <ExportMenu path="/api/deal-registrations/export" params={{ ...filters, sort: params.sort }} />
        </Group>
        <QueryStates
          query={list}
          loading={t('list.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconFileCertificate size={24} aria-hidden />}
              title={filtered ? t('list.noMatch') : t('list.empty')}
              description={filtered ? t('list.noMatchText') : t('list.emptyText')}
              onClearFilters={filtered ? clearFilters : undefined}
            />
          }
        >
          {({ items }) => (
            <ListTable query={list} caption={sortCaption(t('list.caption'), params.sort, sortWords)}>
              <RegistrationsHead sort={params.sort} onSort={(sort) => update({ sort })} />
              <Table.Tbody>
                {items.map((r) => (
                  <RegistrationRow key={r.id} registration={r} />
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>
        <ListFooter
          total={list.data?.total ?? 0}
          page={params.page}
          pageSize={params.pageSize}
          counted={t('list.count', { count: list.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
      <RegistrationFormModal opened={adding} onClose={() => setAdding(false)} onSaved={(r) => void navigate(`/registrations/${r.id}`)} />
    </>
  );
}
