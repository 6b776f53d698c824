import { useEffect, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Button, Card, Group, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconUserPlus, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactSummary } from '../../../shared/schemas/contact.js';
import { QueryStates } from '../../components/QueryStates.js';
import { EmptyState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { ArchiveContactDialog } from './ArchiveContactDialog.js';
import { ContactFormModal } from './ContactFormModal.js';
import { ContactHistoryDrawer } from './ContactHistoryDrawer.js';
import { ContactTable, type ContactAction } from './ContactRow.js';
import { MarkLeftModal } from './MarkLeftModal.js';
import { MergeContactModal } from './MergeContactModal.js';
import { contactsListQuery, stakeholderMapQuery, useSetContactArchived, useUpdateContact } from './queries.js';
import { StakeholderMap } from './StakeholderMap.js';

// A partner's people fit one request; past this the directory pages through them.
const LIMIT = 100;

/** The partner's people: the stakeholder map, then every contact, with who left and who is archived on request. */
export function PeopleTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('contacts');
  const [search, setSearch] = useSearchParams();
  const selectedId = search.get('contact');
  const map = useQuery(stakeholderMapQuery(partner.id));
  const contacts = useQuery(contactsListQuery({ partnerId: partner.id, status: 'all', archived: 'all', sort: 'role', page: 1, pageSize: LIMIT }));
  // An archived partner's people are read-only until the partner is restored (its `can` says so).
  const canEdit = partner.can.edit;
  const restore = useSetContactArchived();
  const bringBack = useUpdateContact();

  const [showLeft, setShowLeft] = useState(false);
  const [showArchived, setShowArchived] = useState(false);
  const [form, setForm] = useState<{ contactId?: string } | null>(null);
  const [open, setOpen] = useState<{ action: 'leave' | 'merge' | 'history' | 'archive'; contact: ContactSummary } | null>(null);
  const selectedRow = useRef<HTMLTableRowElement | null>(null);

  const all = contacts.data?.items ?? [];
  const left = all.filter((c) => c.leftAt && !c.archivedAt);
  const archived = all.filter((c) => c.archivedAt);
  const shown = all.filter((c) => (showArchived || !c.archivedAt) && (showLeft || !c.leftAt || c.archivedAt));
  const opened = (action: NonNullable<typeof open>['action']) => (open?.action === action ? open.contact : null);
  const close = () => setOpen(null);

  // A contact picked elsewhere (search, the map) is shown even when a toggle hides it, and scrolled to.
  // The toggles are adjusted while rendering (once per contact picked, not on every refetch), the scroll after.
  const selected = all.find((c) => c.id === selectedId);
  const [revealed, setRevealed] = useState<string | undefined>(undefined);
  if (selected?.id !== revealed) {
    setRevealed(selected?.id);
    if (selected?.leftAt && !selected.archivedAt) setShowLeft(true);
    if (selected?.archivedAt) setShowArchived(true);
  }
  const selectedKey = selected?.id;
  useEffect(() => {
    if (selectedKey) requestAnimationFrame(() => selectedRow.current?.scrollIntoView({ block: 'center', behavior: 'smooth' }));
  }, [selectedKey]);

  const select = (id: string) => {
    const next = new URLSearchParams(search);
    next.set('contact', id);
    setSearch(next, { replace: true });
  };

  const onAction = (action: ContactAction, c: ContactSummary) => {
    if (action === 'edit') setForm({ contactId: c.id });
    else if (action === 'current')
      bringBack.mutate(
        { id: c.id, version: c.version, leftAt: null },
        {
          onSuccess: (saved) => notifications.show({ color: 'teal', message: t('people.current', { name: saved.fullName, partner: partner.name }) }),
          onError: (e) => notifications.show({ color: 'red', title: t('people.notChanged', { name: c.fullName }), message: e.message }),
        },
      );
    else if (action === 'restore')
      restore.mutate(
        { contact: c, archived: false },
        {
          onSuccess: (saved) => notifications.show({ color: 'teal', message: t('people.restored', { name: saved.fullName }) }),
          onError: (e) => notifications.show({ color: 'red', title: t('people.notRestored', { name: c.fullName }), message: e.message }),
        },
      );
    else setOpen({ action, contact: c });
  };

  return (
    <Stack gap="xl">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('people.intro', { partner: partner.name })}
        </Text>
        {canEdit && (
          <Button leftSection={<IconUserPlus size={16} aria-hidden />} onClick={() => setForm({})}>
            {t('people.add')}
          </Button>
        )}
      </Group>

      <section aria-labelledby="stakeholder-map-heading">
        <Title order={2} size="h4" id="stakeholder-map-heading" mb="sm">
          {t('people.mapHeading')}
        </Title>
        <QueryStates query={map} loading={t('people.mapLoading')}>
          {(data) => <StakeholderMap map={data} onSelect={select} />}
        </QueryStates>
      </section>

      <section aria-labelledby="contacts-heading">
        <Group justify="space-between" gap="sm" mb="sm">
          <Title order={2} size="h4" id="contacts-heading">
            {t('people.heading')}
          </Title>
          <Group gap="md">
            <Switch
              label={t('people.showLeft', { count: left.length })}
              checked={showLeft}
              onChange={(e) => setShowLeft(e.currentTarget.checked)}
              disabled={!left.length && !showLeft}
            />
            <Switch
              label={t('people.showArchived', { count: archived.length })}
              checked={showArchived}
              onChange={(e) => setShowArchived(e.currentTarget.checked)}
              disabled={!archived.length && !showArchived}
            />
          </Group>
        </Group>
        <Card withBorder radius="md" padding={0}>
          <QueryStates
            query={contacts}
            loading={t('people.loading')}
            inset
            isEmpty={() => shown.length === 0}
            empty={
              <EmptyState
                headingLevel={3}
                icon={<IconUsers size={24} aria-hidden />}
                title={all.length ? t('people.nobodyShown') : t('people.none')}
                description={all.length ? t('people.nobodyShownHint') : canEdit ? t('people.addFirst', { partner: partner.name }) : undefined}
                action={!all.length && canEdit ? <Button onClick={() => setForm({})}>{t('people.add')}</Button> : undefined}
              />
            }
          >
            {() => (
              <ContactTable
                partnerName={partner.name}
                contacts={shown}
                selectedId={selectedId}
                selectedRow={selectedRow}
                busy={contacts.isFetching}
                canEdit={canEdit}
                restoring={restore.isPending}
                onAction={onAction}
              />
            )}
          </QueryStates>
          {(contacts.data?.total ?? 0) > LIMIT && (
            <Text size="sm" c="dimmed" p="sm">
              {t('people.firstOf', { limit: LIMIT, count: contacts.data!.total })}{' '}
              <Anchor component={Link} to={`/contacts?partner=${encodeURIComponent(partner.id)}`} size="sm">
                {t('people.seeAll')}
              </Anchor>
            </Text>
          )}
        </Card>
      </section>

      <ContactFormModal partner={partner} target={form} onClose={() => setForm(null)} />
      <MarkLeftModal contact={opened('leave')} partnerName={partner.name} onClose={close} />
      <MergeContactModal survivor={opened('merge')} candidates={all} onClose={close} />
      <ContactHistoryDrawer contact={opened('history')} contacts={all} onClose={close} />
      <ArchiveContactDialog contact={opened('archive')} onClose={close} />
    </Stack>
  );
}
