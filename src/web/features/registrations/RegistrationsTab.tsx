import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Stack, Table, Text } from '@mantine/core';
import { IconFileCertificate, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { REGISTRATION_PARTNER_TYPES } from '../../../shared/deals.js';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { registrationsListQuery } from './queries.js';
import { RegistrationFormModal } from './RegistrationFormModal.js';
import { RegistrationRow, RegistrationsHead } from './RegistrationsTable.js';

const PAGE_SIZE = 25;
const TYPES = new Set<string>([...REGISTRATION_PARTNER_TYPES.outbound, ...REGISTRATION_PARTNER_TYPES.inbound]);

/** Only partners a deal can be registered with or by: vendors, distributors, consultants and resellers. */
export const showsRegistrations = (p: PartnerDetail) => p.types.some((x) => TYPES.has(x));

/** The partner's deal registrations, newest filed first; record one. */
export function RegistrationsTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('registrations');
  const navigate = useNavigate();
  const [sort, setSort] = useState('-filedAt');
  const [page, setPage] = useState(1);
  const [adding, setAdding] = useState(false);
  const list = useQuery(registrationsListQuery({ partnerId: partner.id, sort: sort as never, page, pageSize: PAGE_SIZE }));
  const canEdit = partner.can.edit;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name })}
        </Text>
        {canEdit && (
          <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setAdding(true)}>
            {t('tab.add')}
          </Button>
        )}
      </Group>
      <QueryStates
        query={list}
        loading={t('list.loading')}
        isEmpty={(p) => p.items.length === 0}
        empty={<EmptyState icon={<IconFileCertificate size={24} aria-hidden />} title={t('tab.empty')} />}
      >
        {({ items }) => (
          <ListTable query={list} caption={t('list.caption')}>
            <RegistrationsHead sort={sort} onSort={setSort} showPartner={false} />
            <Table.Tbody>
              {items.map((r) => (
                <RegistrationRow key={r.id} registration={r} showPartner={false} />
              ))}
            </Table.Tbody>
          </ListTable>
        )}
      </QueryStates>
      <ListFooter total={list.data?.total ?? 0} page={page} pageSize={PAGE_SIZE} counted={t('list.count', { count: list.data?.total ?? 0 })} onPage={setPage} />
      <RegistrationFormModal opened={adding} partner={partner} onClose={() => setAdding(false)} onSaved={(r) => void navigate(`/registrations/${r.id}`)} />
    </Stack>
  );
}
