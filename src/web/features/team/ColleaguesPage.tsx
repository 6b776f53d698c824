import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Avatar, Button, Card, CloseButton, Group, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { listColleaguesQuery, type Colleague } from '../../../shared/schemas/team.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useListParams } from '../../components/useListParams.js';
import { initials } from '../../lib/format.js';
import { RoleBadge } from '../users/RoleSelect.js';
import { colleaguePath } from './labels.js';
import { colleaguesQuery } from './queries.js';
import classes from './ColleaguesPage.module.css';

/** Everyone who works with partners: a way to their pages (partners and roles). */
export function ColleaguesPage() {
  const { t } = useTranslation('team');
  // The page and the search live in the address; the list is always by name (its caption says so).
  const { params, update, search } = useListParams(listColleaguesQuery);
  const colleagues = useQuery(colleaguesQuery({ page: params.page, pageSize: params.pageSize, sort: 'name', q: params.q || undefined }));

  return (
    <>
      <PageHeader title={t('colleagues.title')} description={t('colleagues.description')} />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" className={classes.filters} role="search" aria-label={t('colleagues.find')}>
          <TextInput
            className={classes.search}
            placeholder={t('colleagues.searchPlaceholder')}
            aria-label={t('colleagues.searchLabel')}
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label={t('colleagues.clearSearch')} onClick={() => search.setValue('')} /> : null}
          />
          <ExportMenu path="/api/colleagues/export" params={{ q: params.q, sort: 'name' }} />
        </Group>
        <QueryStates
          query={colleagues}
          loading={t('colleagues.loading')}
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconUsers size={24} aria-hidden />}
              title={params.q ? t('colleagues.noMatch') : t('colleagues.none')}
              description={params.q ? t('colleagues.noMatchHint') : t('colleagues.noneHint')}
              action={
                params.q ? (
                  <Button variant="default" onClick={() => search.setValue('')}>
                    {t('colleagues.clearSearch')}
                  </Button>
                ) : undefined
              }
            />
          }
        >
          {({ items }) => (
            <ListTable query={colleagues} caption={t('colleagues.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('colleagues.name')}</Table.Th>
                  <Table.Th visibleFrom="sm">{t('colleagues.email')}</Table.Th>
                  <Table.Th visibleFrom="xs">{t('colleagues.role')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <ColleagueRow key={c.id} c={c} />
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>
        <ListFooter
          total={colleagues.data?.total ?? 0}
          page={params.page}
          pageSize={params.pageSize}
          counted={t('colleagues.count', { count: colleagues.data?.total ?? 0 })}
          onPage={(page) => update({ page })}
        />
      </Card>
    </>
  );
}

function ColleagueRow({ c }: { c: Colleague }) {
  return (
    <Table.Tr>
      <Table.Td>
        <Group gap="sm" wrap="nowrap">
          <Avatar name={c.name} color="initials" radius="xl" size={32} visibleFrom="xs">
            {initials(c.name)}
          </Avatar>
          <div style={{ minWidth: 0 }}>
            <Anchor component={Link} to={colleaguePath(c.id)} size="sm" fw={500} className={classes.wrap}>
              {c.name}
            </Anchor>
            <Text size="xs" c="dimmed" hiddenFrom="sm" className={classes.wrap}>
              {c.email}
            </Text>
          </div>
        </Group>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Anchor href={`mailto:${c.email}`} size="sm" className={classes.wrap}>
          {c.email}
        </Anchor>
      </Table.Td>
      <Table.Td visibleFrom="xs">
        <RoleBadge role={c.role} />
      </Table.Td>
    </Table.Tr>
  );
}
