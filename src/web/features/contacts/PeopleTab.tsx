import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Anchor, Badge, Button, Card, Group, Menu, Stack, Switch, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconDots, IconDoorExit, IconGitMerge, IconHistory, IconPencil, IconUserPlus, IconUsers } from '@tabler/icons-react';
import { CONTACT_ROLE_LABELS } from '../../../shared/partners.js';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDate, formatRelative, plural } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { ContactFormModal } from './ContactFormModal.js';
import { ContactHistoryDrawer } from './ContactHistoryDrawer.js';
import { MarkLeftModal } from './MarkLeftModal.js';
import { MergeContactModal } from './MergeContactModal.js';
import { contactsListQuery, stakeholderMapQuery, useSetContactArchived, useUpdateContact } from './queries.js';
import { Breakable } from './Breakable.js';
import { InfluenceBadge, PrimaryStar, StrengthMeter } from './Ratings.js';
import { StakeholderMap } from './StakeholderMap.js';
import classes from './PeopleTab.module.css';

// A partner's people fit one request; past this the directory pages through them.
const LIMIT = 100;

/** The partner's people: the stakeholder map, then every contact, with who left and who is archived on request. */
export function PeopleTab({ partner }: PartnerTabProps) {
  const [search, setSearch] = useSearchParams();
  const selectedId = search.get('contact');
  const map = useQuery(stakeholderMapQuery(partner.id));
  const contacts = useQuery(contactsListQuery({ partnerId: partner.id, status: 'all', archived: 'all', sort: 'role', page: 1, pageSize: LIMIT }));
  // An archived partner's people are read-only until the partner is restored (its `can` says so).
  const canEdit = partner.can.edit;
  const archive = useSetContactArchived();
  const bringBack = useUpdateContact();

  const [showLeft, setShowLeft] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [form, setForm] = useState<{ contactId?: string } | null>(null);
  const [leaving, setLeaving] = useState<ContactSummary | null>(null);
  const [archiving, setArchiving] = useState<ContactSummary | null>(null);
  const [merging, setMerging] = useState<ContactSummary | null>(null);
  const [historyOf, setHistoryOf] = useState<ContactSummary | null>(null);
  const selectedRow = useRef<HTMLTableRowElement | null>(null);

  const all = contacts.data?.items ?? [];
  const left = all.filter((c) => c.hasLeft && !c.archivedAt);
  const archived = all.filter((c) => c.archivedAt);
  const shown = all.filter((c) => (showArchived || !c.archivedAt) && (showLeft || !c.hasLeft || c.archivedAt));

  // A contact picked elsewhere (search, the map) is shown even when a toggle hides it, and scrolled to.
  const selected = all.find((c) => c.id === selectedId);
  useEffect(() => {
    if (!selected) return;
    if (selected.hasLeft && !selected.archivedAt) setShowLeft(true);
    if (selected.archivedAt) setShowArchived(true);
    requestAnimationFrame(() => selectedRow.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, [selected?.id]);

  const select = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('contact', id);
    setSearch(next, { replace: true });
  };

  const markCurrent = (c: ContactSummary) =>
    bringBack.mutate(
      { id: c.id, version: c.version, leftAt: null },
      {
        onSuccess: (saved) => notifications.show({ color: 'teal', message: `${saved.fullName} is a current contact of ${partner.name} again.` }),
        onError: (e) => notifications.show({ color: 'red', title: `${c.fullName} could not be changed`, message: e.message }),
      },
    );

  const setArchived = (c: ContactSummary, value: boolean) =>
    archive.mutate(
      { contact: c, archived: value },
      {
        onSuccess: (saved) => {
          setArchiving(null);
          notifications.show({ color: 'teal', message: value ? `${saved.fullName} is archived.` : `${saved.fullName} is restored.` });
        },
        onError: (e) => {
          if (!value) notifications.show({ color: 'red', title: `${c.fullName} could not be restored`, message: e.message });
        },
      },
    );

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          The people we know at {partner.name}: who decides, who we talk to, and how well we know them.
        </Text>
        {canEdit && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setForm({})}>
            Add contact
          </Button>
        )}
      </Group>

      <section aria-labelledby="stakeholder-map-heading">
        <Title order={2} size="h4" id="stakeholder-map-heading" mb="sm">
          Stakeholder map
        </Title>
        {map.isPending ? (
          <LoadingState label="Loading the stakeholder map…" />
        ) : map.isError ? (
          <ErrorState error={map.error} onRetry={() => void map.refetch()} />
        ) : (
          <StakeholderMap map={map.data} onSelect={select} />
        )}
      </section>

      <section aria-labelledby="contacts-heading">
        <Group justify="space-between" gap="sm" mb="sm">
          <Title order={2} size="h4" id="contacts-heading">
            Contacts
          </Title>
          <Group gap="md">
            <Switch label={`Show who left (${left.length})`} checked={showLeft} onChange={(e) => setShowLeft(e.currentTarget.checked)} disabled={!left.length && !showLeft} />
            <Switch label={`Show archived (${archived.length})`} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} disabled={!archived.length && !showArchived} />
          </Group>
        </Group>
        <Card withBorder radius="md" padding={0}>
          {contacts.isPending ? (
            <LoadingState label="Loading contacts…" />
          ) : contacts.isError && !contacts.data ? (
            <Stack p="md">
              <ErrorState error={contacts.error} onRetry={() => void contacts.refetch()} />
            </Stack>
          ) : shown.length === 0 ? (
            <EmptyState
              headingLevel={3}
              icon={<IconUsers size={24} aria-hidden />}
              title={all.length ? 'Nobody to show with these switches' : 'No contacts yet'}
              description={all.length ? 'Everyone here has left or is archived: switch them on above.' : canEdit ? `Add the first person you know at ${partner.name}.` : undefined}
              action={!all.length && canEdit ? <Button onClick={() => setForm({})}>Add contact</Button> : undefined}
            />
          ) : (
            <Table.ScrollContainer minWidth={0}>
              <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-busy={contacts.isFetching}>
                <Table.Caption className="visually-hidden">Contacts of {partner.name}, by role</Table.Caption>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th visibleFrom="sm">Role</Table.Th>
                    <Table.Th visibleFrom="md">Reach</Table.Th>
                    <Table.Th visibleFrom="lg">Influence and strength</Table.Th>
                    <Table.Th visibleFrom="sm">Last contact</Table.Th>
                    <Table.Th>
                      <span className="visually-hidden">Actions</span>
                    </Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {shown.map((c) => {
                    const isSelected = c.id === selectedId;
                    return (
                      <Table.Tr
                        key={c.id}
                        ref={isSelected ? selectedRow : undefined}
                        className={[c.hasLeft || c.archivedAt ? classes.inactive : '', isSelected ? classes.selected : ''].join(' ')}
                        aria-current={isSelected ? 'true' : undefined}
                      >
                        <Table.Td>
                          <Group gap={6} wrap="nowrap">
                            {c.isPrimary && <PrimaryStar />}
                            <Text size="sm" fw={500} className={classes.wrap}>
                              {c.fullName}
                            </Text>
                          </Group>
                          {c.title && (
                            <Text size="xs" c="dimmed" className={classes.wrap}>
                              {c.title}
                            </Text>
                          )}
                          <Group gap={4} mt={c.leftAt || c.archivedAt ? 4 : 0}>
                            {c.leftAt && (
                              <Badge size="sm" variant="dot" color="orange" style={{ textTransform: 'none' }}>
                                {c.hasLeft ? 'Left' : 'Leaves'} on {formatDate(c.leftAt)}
                              </Badge>
                            )}
                            {c.archivedAt && (
                              <Badge size="sm" variant="dot" color="gray" style={{ textTransform: 'none' }}>
                                Archived
                              </Badge>
                            )}
                          </Group>
                          <Text size="xs" hiddenFrom="sm" mt={2}>
                            {c.role ? CONTACT_ROLE_LABELS[c.role] : ''}
                          </Text>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm">{c.role ? CONTACT_ROLE_LABELS[c.role] : <Text span c="dimmed" size="sm">—</Text>}</Text>
                        </Table.Td>
                        <Table.Td visibleFrom="md">
                          <Stack gap={0}>
                            {c.email && (
                              <Anchor href={`mailto:${c.email}`} size="sm" className={classes.email}>
                                <Breakable text={c.email} />
                              </Anchor>
                            )}
                            {c.phone && (
                              <Anchor href={`tel:${c.phone.replace(/[^+0-9]/g, '')}`} size="sm">
                                {c.phone}
                              </Anchor>
                            )}
                            {!c.email && !c.phone && (
                              <Text size="sm" c="dimmed">
                                —
                              </Text>
                            )}
                          </Stack>
                        </Table.Td>
                        <Table.Td visibleFrom="lg">
                          <Stack gap={4} align="flex-start">
                            <InfluenceBadge influence={c.influence} />
                            <StrengthMeter strength={c.strength} />
                          </Stack>
                        </Table.Td>
                        <Table.Td visibleFrom="sm">
                          <Text size="sm">{c.lastContactAt ? <time dateTime={c.lastContactAt} title={formatDate(c.lastContactAt)}>{formatRelative(c.lastContactAt)}</time> : 'Never'}</Text>
                        </Table.Td>
                        <Table.Td>
                          <Menu position="bottom-end" withinPortal shadow="md">
                            <Menu.Target>
                              <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${c.fullName}`}>
                                <IconDots size={18} aria-hidden />
                              </ActionIcon>
                            </Menu.Target>
                            <Menu.Dropdown>
                              {c.can.edit && (
                                <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setForm({ contactId: c.id })}>
                                  Edit
                                </Menu.Item>
                              )}
                              {c.can.edit && !c.leftAt && (
                                <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => setLeaving(c)}>
                                  Mark as left…
                                </Menu.Item>
                              )}
                              {c.can.edit && c.leftAt && (
                                <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => markCurrent(c)}>
                                  {c.hasLeft ? 'Mark as current again' : 'Cancel the departure'}
                                </Menu.Item>
                              )}
                              {c.can.merge && (
                                <Menu.Item leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => setMerging(c)}>
                                  Merge a duplicate into {c.firstName}…
                                </Menu.Item>
                              )}
                              <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => setHistoryOf(c)}>
                                History
                              </Menu.Item>
                              {(c.can.archive || c.can.restore || (c.mergedIntoId && canEdit)) && (
                                <>
                                  <Menu.Divider />
                                  {c.archivedAt ? (
                                    // A merged contact's timeline moved to the one it was merged into: it cannot come back (the API refuses too).
                                    <Menu.Item
                                      leftSection={<IconArrowBackUp size={16} aria-hidden />}
                                      onClick={() => setArchived(c, false)}
                                      disabled={Boolean(c.mergedIntoId) || archive.isPending}
                                      title={c.mergedIntoId ? 'Merged into another contact: it cannot be restored' : undefined}
                                    >
                                      {c.mergedIntoId ? 'Merged — cannot be restored' : 'Restore'}
                                    </Menu.Item>
                                  ) : (
                                    <Menu.Item
                                      className="menu-danger"
                                      leftSection={<IconArchive size={16} aria-hidden />}
                                      onClick={() => {
                                        archive.reset();
                                        setArchiving(c);
                                      }}
                                    >
                                      Archive…
                                    </Menu.Item>
                                  )}
                                </>
                              )}
                            </Menu.Dropdown>
                          </Menu>
                        </Table.Td>
                      </Table.Tr>
                    );
                  })}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )}
          {(contacts.data?.total ?? 0) > LIMIT && (
            <Text size="sm" c="dimmed" p="sm">
              Showing the first {LIMIT} of {plural(contacts.data!.total, 'contact')}.{' '}
              <Anchor component={Link} to={`/contacts?partner=${encodeURIComponent(partner.id)}`} size="sm">
                See them all in the contacts directory
              </Anchor>
            </Text>
          )}
        </Card>
      </section>

      <ContactFormModal partner={partner} target={form} onClose={() => setForm(null)} />
      <MarkLeftModal contact={leaving} partnerName={partner.name} onClose={() => setLeaving(null)} />
      <MergeContactModal survivor={merging} candidates={all} onClose={() => setMerging(null)} />
      <ContactHistoryDrawer contact={historyOf} contacts={all} onClose={() => setHistoryOf(null)} />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        onConfirm={() => archiving && setArchived(archiving, true)}
        title={archiving ? `Archive ${archiving.fullName}?` : 'Archive contact?'}
        confirmLabel="Archive"
        danger
        loading={archive.isPending}
        error={archive.error}
      >
        Archived contacts leave the stakeholder map, the directory and search. Their timeline entries and history stay, and you can restore them. Someone who moved on is better marked as left.
      </ConfirmDialog>
    </Stack>
  );
}
