import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { IconArrowBackUp, IconCalendarDown, IconCalendarOff, IconCalendarTime, IconDots, IconNotes } from '@tabler/icons-react';
import { Link } from 'react-router';
import { MEETING_PURPOSE_LABELS, type OccurrenceStatus } from '../../../shared/rhythm.js';
import type { Meeting } from '../../../shared/schemas/meeting.js';
import { formatMeetingTime } from './format.js';

const STATUS: Record<OccurrenceStatus, { label: string; color: string }> = {
  planned: { label: 'Planned', color: 'blue' },
  held: { label: 'Held', color: 'teal' },
  skipped: { label: 'Skipped', color: 'gray' },
};

export interface MeetingActions {
  onMinutes?: (m: Meeting) => void;
  onMove?: (m: Meeting) => void;
  onSkip?: (m: Meeting) => void;
  onRestore?: (m: Meeting) => void;
  onDownload: (m: Meeting) => void;
}

/** One meeting in a list: when, what, with whom, its state, and what can be done with it. */
export function MeetingRow({ m, showPartner = false, canEdit, actions }: { m: Meeting; showPartner?: boolean; canEdit: boolean; actions: MeetingActions }) {
  const started = new Date(m.startsAt).getTime() <= Date.now();
  const when = formatMeetingTime(m.startsAt, m.endsAt, m.timeZone);
  const moved = m.originalStart !== null && m.originalStart !== m.startsAt;
  return (
    <Paper withBorder radius="md" p="sm" component="li" aria-label={`${m.title}, ${when}, ${STATUS[m.status].label.toLowerCase()}`} style={{ listStyle: 'none' }}>
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Text size="sm" fw={600}>
              <time dateTime={m.startsAt}>{when}</time>
            </Text>
            <Badge size="sm" variant="light" color={STATUS[m.status].color}>
              {STATUS[m.status].label}
            </Badge>
            {moved && (
              <Badge size="sm" variant="outline" color="grape">
                Moved
              </Badge>
            )}
          </Group>
          <Text size="sm" mt={2}>
            {m.title}
            <Text span c="dimmed" size="sm">
              {' '}
              · {MEETING_PURPOSE_LABELS[m.purpose]}
            </Text>
          </Text>
          {showPartner && (
            <Anchor component={Link} to={`/partners/${m.partner.id}/meetings`} size="sm">
              {m.partner.name}
            </Anchor>
          )}
          {(m.contacts.length > 0 || m.users.length > 0 || m.location) && (
            <Text size="xs" c="dimmed" mt={2}>
              {[
                m.contacts.length ? `With ${m.contacts.map((c) => c.name).join(', ')}` : null,
                m.users.length ? `Our people: ${m.users.map((u) => u.name).join(', ')}` : null,
                m.location,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </div>
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={`Actions for ${m.title} on ${when}`}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canEdit && actions.onMinutes && started && m.status !== 'skipped' && (
              <Menu.Item leftSection={<IconNotes size={16} aria-hidden />} onClick={() => actions.onMinutes!(m)}>
                {m.status === 'held' ? 'Edit minutes' : 'Write minutes'}
              </Menu.Item>
            )}
            {canEdit && actions.onMove && m.status === 'planned' && (
              <Menu.Item leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => actions.onMove!(m)}>
                Move…
              </Menu.Item>
            )}
            {canEdit && actions.onSkip && m.seriesId && m.status === 'planned' && (
              <Menu.Item leftSection={<IconCalendarOff size={16} aria-hidden />} onClick={() => actions.onSkip!(m)}>
                Skip this one
              </Menu.Item>
            )}
            {canEdit && actions.onRestore && m.seriesId && (m.status === 'skipped' || (moved && m.status === 'planned')) && (
              <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => actions.onRestore!(m)}>
                {m.status === 'skipped' ? 'Restore' : 'Back to its usual time'}
              </Menu.Item>
            )}
            <Menu.Item leftSection={<IconCalendarDown size={16} aria-hidden />} onClick={() => actions.onDownload(m)}>
              Download .ics
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
