import type { Ref, RefObject } from 'react';
import { Anchor, Badge, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconDoorExit, IconGitMerge, IconHistory, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { ContactListItem } from '../../../shared/schemas/contact.js';
import { RowActions } from '../../components/RowActions.js';
import { formatDate } from '../../lib/format.js';
import { Breakable } from './Breakable.js';
import { contactRoleLabel } from './labels.js';
import { InfluenceBadge, PrimaryStar, StrengthMeter } from './Ratings.js';
import classes from './PeopleTab.module.css';
import { RelativeTime } from '../../components/RelativeTime.js';

export type ContactAction = 'edit' | 'leave' | 'current' | 'merge' | 'history' | 'archive' | 'restore';

interface Props {
  contact: ContactListItem;
  selected: boolean;
  rowRef?: Ref<HTMLTableRowElement>;
  /** May edit the partner's people at all (an archived partner's are read-only). */
  canEdit: boolean;
  /** A restore is under way: do not offer another. */
  restoring: boolean;
  onAction: (action: ContactAction, contact: ContactListItem) => void;
}

/** One person on a partner's People tab, with what may be done with them. */
export function ContactRow({ contact: c, selected, rowRef, canEdit, restoring, onAction }: Props) {
  const { t } = useTranslation(['contacts', 'common']);
  return (
    <Table.Tr ref={rowRef} className={[c.leftAt || c.archivedAt ? classes.inactive : '', selected ? classes.selected : ''].join(' ')} aria-current={selected ? 'true' : undefined}>
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
              {t(c.hasLeft ? 'row.leftOn' : 'row.leavesOn', { date: formatDate(c.leftAt) })}
            </Badge>
          )}
          {c.archivedAt && (
            <Badge size="sm" variant="dot" color="gray" style={{ textTransform: 'none' }}>
              {t('row.archived')}
            </Badge>
          )}
        </Group>
        <Text size="xs" hiddenFrom="sm" mt={2}>
          {c.role ? contactRoleLabel(c.role) : ''}
        </Text>
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">
          {c.role ? (
            contactRoleLabel(c.role)
          ) : (
            <Text span c="dimmed" size="sm">
              —
            </Text>
          )}
        </Text>
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
        <Text size="sm">
          <RelativeTime iso={c.lastContactAt} empty={t('never')} />
        </Text>
      </Table.Td>
      <Table.Td>
        <RowActions label={t('row.actions', { name: c.fullName })}>
          {c.can.edit && (
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onAction('edit', c)}>
              {t('common:action.edit')}
            </Menu.Item>
          )}
          {c.can.edit && !c.leftAt && (
            <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => onAction('leave', c)}>
              {t('row.markLeft')}
            </Menu.Item>
          )}
          {c.can.edit && c.leftAt && (
            <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => onAction('current', c)}>
              {t('row.markCurrent')}
            </Menu.Item>
          )}
          {c.can.merge && (
            <Menu.Item leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => onAction('merge', c)}>
              {t('row.merge', { name: c.firstName })}
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => onAction('history', c)}>
            {t('row.history')}
          </Menu.Item>
          {(c.can.archive || c.can.restore || (c.mergedIntoId && canEdit)) && (
            <>
              <Menu.Divider />
              {c.archivedAt ? (
                // A merged contact's timeline moved to the one it was merged into: it cannot come back (the API refuses too).
                <Menu.Item
                  leftSection={<IconArrowBackUp size={16} aria-hidden />}
                  onClick={() => onAction('restore', c)}
                  disabled={Boolean(c.mergedIntoId) || restoring}
                  title={c.mergedIntoId ? t('row.mergedTitle') : undefined}
                >
                  {c.mergedIntoId ? t('row.merged') : t('common:action.restore')}
                </Menu.Item>
              ) : (
                <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => onAction('archive', c)}>
                  {t('row.archive')}
                </Menu.Item>
              )}
            </>
          )}
        </RowActions>
      </Table.Td>
    </Table.Tr>
  );
}

interface TableProps extends Omit<Props, 'contact' | 'selected' | 'rowRef'> {
  partnerName: string;
  contacts: ContactListItem[];
  selectedId: string | null;
  /** The picked contact's row, to scroll it into view. */
  selectedRow: RefObject<HTMLTableRowElement | null>;
  busy: boolean;
}

/** A partner's contacts, by role. */
export function ContactTable({ partnerName, contacts, selectedId, selectedRow, busy, ...rowProps }: TableProps) {
  const { t } = useTranslation(['contacts', 'common']);
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-busy={busy}>
        <Table.Caption className="visually-hidden">{t('row.caption', { partner: partnerName })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('column.name')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('column.role')}</Table.Th>
            <Table.Th visibleFrom="md">{t('column.reach')}</Table.Th>
            <Table.Th visibleFrom="lg">{t('column.influenceStrength')}</Table.Th>
            <Table.Th visibleFrom="sm">{t('column.lastContact')}</Table.Th>
            <Table.Th>
              <span className="visually-hidden">{t('column.actions')}</span>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {contacts.map((c) => (
            <ContactRow key={c.id} contact={c} selected={c.id === selectedId} rowRef={c.id === selectedId ? selectedRow : undefined} {...rowProps} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
