import { useEffect, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Avatar, Button, Card, CloseButton, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconSearch, IconUsers } from '@tabler/icons-react';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { initials } from '../../lib/format.js';
import { RoleBadge } from '../users/RoleSelect.js';
import { colleaguePath } from './labels.js';
import { colleaguesQuery } from './queries.js';
import classes from './ColleaguesPage.module.css';
import { ListFooter } from '../../components/ListFooter.js';

const PAGE_SIZE = 25;

/** Everyone who works with partners: a way to their pages (partners and roles). */
export function ColleaguesPage() {
  const [search, setSearch] = useSearchParams();
  const page = Math.max(1, Number(search.get('page')) || 1);
  const q = search.get('q') ?? '';
  const [text, setText] = useState(q);
  const [debounced] = useDebouncedValue(text.trim(), 300);
  const colleagues = useQuery(colleaguesQuery({ page, pageSize: PAGE_SIZE, sort: 'name', q: q || undefined }));

  useEffect(() => {
    if (debounced !== q) setSearch(debounced ? { q: debounced } : {}, { replace: true });
  }, [debounced]);
  useEffect(() => {
    if (q !== debounced) setText(q);
  }, [q]);

  const items = colleagues.data?.items ?? [];
  const total = colleagues.data?.total ?? 0;
  const goTo = (p: number) => {
    const next = new URLSearchParams(search);
    if (p === 1) next.delete('page');
    else next.set('page', String(p));
    setSearch(next, { replace: true });
  };

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
            value={text}
            onChange={(e) => setText(e.currentTarget.value)}
            rightSection={text ? <CloseButton size="sm" aria-label="Clear search" onClick={() => setText('')} /> : null}
          />
        </Group>
        {colleagues.isPending ? (
          <LoadingState label="Loading colleagues…" />
        ) : colleagues.isError && !colleagues.data ? (
          <Stack p="md">
            <ErrorState error={colleagues.error} onRetry={() => void colleagues.refetch()} />
          </Stack>
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconUsers size={24} aria-hidden />}
            title={q ? 'No colleague matches' : 'No colleagues yet'}
            description={q ? 'Try another name.' : 'Administrators add colleagues under Users.'}
            action={
              q ? (
                <Button variant="default" onClick={() => setText('')}>
                  Clear search
                </Button>
              ) : undefined
            }
          />
        ) : (
          <Table.ScrollContainer minWidth={0}>
            <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover className={colleagues.isPlaceholderData ? classes.stale : undefined}>
              <Table.Caption className="visually-hidden">Active colleagues, by name</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th visibleFrom="sm">E-mail</Table.Th>
                  <Table.Th visibleFrom="xs">Role</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((c) => (
                  <Table.Tr key={c.id}>
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
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        <ListFooter total={total} page={page} pageSize={PAGE_SIZE} noun="colleague" onPage={goTo} />
      </Card>
    </>
  );
}
