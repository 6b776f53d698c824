import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Avatar, Button, Card, CloseButton, Group, Table, Text, TextInput } from '@mantine/core';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { listColleaguesQuery, type Colleague } from '../../../shared/schemas/team.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import { useListParams } from '../../components/useListParams.js';
import { initials } from '../../lib/format.js';
import { RoleBadge } from '../users/RoleSelect.js';
import { colleaguePath } from './labels.js';
import { colleaguesQuery } from './queries.js';
import classes from './ColleaguesPage.module.css';

/** Everyone who works with partners: a way to their pages (partners and roles). */
export function ColleaguesPage() {
  // The page and the search live in the address; the list is always by name (its caption says so).
  const { params, update, search } = useListParams(listColleaguesQuery);
  const colleagues = useQuery(colleaguesQuery({ page: params.page, pageSize: params.pageSize, sort: 'name', q: params.q || undefined }));

  return (
    <>
      <PageHeader title="Colleagues" description="Who works with which partners, and in which role." />
      <Card withBorder radius="md" padding={0}>
        <Group p="sm" className={classes.filters} role="search" aria-label="Find colleagues">
          <TextInput
            className={classes.search}
            placeholder="Name or e-mail"
            aria-label="Search colleagues by name or e-mail"
            leftSection={<IconSearch size={16} aria-hidden />}
            value={search.value}
            onChange={(e) => search.setValue(e.currentTarget.value)}
            rightSection={search.value ? <CloseButton size="sm" aria-label="Clear search" onClick={() => search.setValue('')} /> : null}
          />
        </Group>
        <QueryStates
          query={colleagues}
          loading="Loading colleagues…"
          inset
          isEmpty={(page) => page.items.length === 0}
          empty={
            <EmptyState
              icon={<IconUsers size={24} aria-hidden />}
              title={params.q ? 'No colleague matches' : 'No colleagues yet'}
              description={params.q ? 'Try another name.' : 'Administrators add colleagues under Users.'}
              action={
                params.q ? (
                  <Button variant="default" onClick={() => search.setValue('')}>
                    Clear search
                  </Button>
                ) : undefined
              }
            />
          }
        >
          {({ items }) => (
            <ListTable query={colleagues} caption="Active colleagues, by name">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th visibleFrom="sm">E-mail</Table.Th>
                  <Table.Th visibleFrom="xs">Role</Table.Th>
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
        <ListFooter total={colleagues.data?.total ?? 0} page={params.page} pageSize={params.pageSize} noun="colleague" onPage={(page) => update({ page })} />
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
