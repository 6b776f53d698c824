import type { Ref, RefObject } from 'react';
import { Anchor, Badge, Group, Menu, Stack, Table, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconDoorExit, IconGitMerge, IconHistory, IconPencil } from '@tabler/icons-react';
import { CONTACT_ROLE_LABELS } from '../../../shared/partners.js';
import type { ContactListItem } from '../../../shared/schemas/contact.js';
import { RowActions } from '../../components/RowActions.js';
import { formatDate } from '../../lib/format.js';
import { Breakable } from './Breakable.js';
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
        <Text size="sm">
          {c.role ? (
            CONTACT_ROLE_LABELS[c.role]
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
          <RelativeTime iso={c.lastContactAt} empty="Never" />
        </Text>
      </Table.Td>
      <Table.Td>
        <RowActions label={`Actions for ${c.fullName}`}>
          {c.can.edit && (
            <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={() => onAction('edit', c)}>
              Edit
            </Menu.Item>
          )}
          {c.can.edit && !c.leftAt && (
            <Menu.Item leftSection={<IconDoorExit size={16} aria-hidden />} onClick={() => onAction('leave', c)}>
              Mark as left…
            </Menu.Item>
          )}
          {c.can.edit && c.leftAt && (
            <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => onAction('current', c)}>
              Mark as current again
            </Menu.Item>
          )}
          {c.can.merge && (
            <Menu.Item leftSection={<IconGitMerge size={16} aria-hidden />} onClick={() => onAction('merge', c)}>
              Merge a duplicate into {c.firstName}…
            </Menu.Item>
          )}
          <Menu.Item leftSection={<IconHistory size={16} aria-hidden />} onClick={() => onAction('history', c)}>
            History
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
                  title={c.mergedIntoId ? 'Merged into another contact: it cannot be restored' : undefined}
                >
                  {c.mergedIntoId ? 'Merged — cannot be restored' : 'Restore'}
                </Menu.Item>
              ) : (
                <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => onAction('archive', c)}>
                  Archive…
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
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="sm" horizontalSpacing="md" highlightOnHover aria-busy={busy}>
        <Table.Caption className="visually-hidden">Contacts of {partnerName}, by role</Table.Caption>
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
          {contacts.map((c) => (
            <ContactRow key={c.id} contact={c} selected={c.id === selectedId} rowRef={c.id === selectedId ? selectedRow : undefined} {...rowProps} />
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
