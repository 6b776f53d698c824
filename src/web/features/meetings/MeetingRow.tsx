import { ActionIcon, Anchor, Badge, Group, Menu, Paper, Text } from '@mantine/core';
import { IconArrowBackUp, IconCalendarDown, IconCalendarOff, IconCalendarTime, IconDots, IconNotes } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { OccurrenceStatus } from '../../../shared/rhythm.js';
import type { Meeting } from '../../../shared/schemas/meeting.js';
import { useNow } from '../../lib/useNow.js';
import { formatMeetingTime } from './format.js';

const STATUS_COLORS: Record<OccurrenceStatus, string> = { planned: 'blue', held: 'teal', skipped: 'gray' };

export interface MeetingActions {
  onMinutes?: (m: Meeting) => void;
  onMove?: (m: Meeting) => void;
  onSkip?: (m: Meeting) => void;
  onRestore?: (m: Meeting) => void;
  onDownload: (m: Meeting) => void;
}

/** One meeting in a list: when, what, with whom, its state, and what can be done with it. */
export function MeetingRow({ m, showPartner = false, canEdit, actions }: { m: Meeting; showPartner?: boolean; canEdit: boolean; actions: MeetingActions }) {
  const { t } = useTranslation('meetings');
  const now = useNow();
  const started = new Date(m.startsAt).getTime() <= now;
  const when = formatMeetingTime(m.startsAt, m.endsAt, m.timeZone);
  const moved = m.originalStart !== null && m.originalStart !== m.startsAt;
  return (
    <Paper
      withBorder
      radius="md"
      p="sm"
      component="li"
      aria-label={t('row.label', { title: m.title, when, status: t(`statusInSentence.${m.status}`) })}
      style={{ listStyle: 'none' }}
    >
      <Group justify="space-between" wrap="nowrap" align="flex-start" gap="xs">
        <div style={{ minWidth: 0 }}>
          <Group gap={8} wrap="wrap">
            <Text size="sm" fw={600}>
              <time dateTime={m.startsAt}>{when}</time>
            </Text>
            <Badge size="sm" variant="light" color={STATUS_COLORS[m.status]}>
              {t(`status.${m.status}`)}
            </Badge>
            {moved && (
              <Badge size="sm" variant="outline" color="grape">
                {t('row.moved')}
              </Badge>
            )}
          </Group>
          <Text size="sm" mt={2}>
            {m.title}
            <Text span c="dimmed" size="sm">
              {' '}
              · {t(`purpose.${m.purpose}`)}
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
                m.contacts.length ? t('people.with', { names: m.contacts.map((c) => c.name).join(', ') }) : null,
                m.users.length ? t('people.ours', { names: m.users.map((u) => u.name).join(', ') }) : null,
                m.location,
              ]
                .filter(Boolean)
                .join(' · ')}
            </Text>
          )}
        </div>
        <Menu position="bottom-end" withinPortal shadow="md">
          <Menu.Target>
            <ActionIcon variant="subtle" color="gray" aria-label={t('row.actions', { title: m.title, when })}>
              <IconDots size={18} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canEdit && actions.onMinutes && started && m.status !== 'skipped' && (
              <Menu.Item leftSection={<IconNotes size={16} aria-hidden />} onClick={() => actions.onMinutes!(m)}>
                {m.status === 'held' ? t('row.editMinutes') : t('row.writeMinutes')}
              </Menu.Item>
            )}
            {canEdit && actions.onMove && m.status === 'planned' && (
              <Menu.Item leftSection={<IconCalendarTime size={16} aria-hidden />} onClick={() => actions.onMove!(m)}>
                {t('row.move')}
              </Menu.Item>
            )}
            {canEdit && actions.onSkip && m.seriesId && m.status === 'planned' && (
              <Menu.Item leftSection={<IconCalendarOff size={16} aria-hidden />} onClick={() => actions.onSkip!(m)}>
                {t('row.skip')}
              </Menu.Item>
            )}
            {canEdit && actions.onRestore && m.seriesId && (m.status === 'skipped' || (moved && m.status === 'planned')) && (
              <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => actions.onRestore!(m)}>
                {m.status === 'skipped' ? t('row.restore') : t('row.backToUsual')}
              </Menu.Item>
            )}
            <Menu.Item leftSection={<IconCalendarDown size={16} aria-hidden />} onClick={() => actions.onDownload(m)}>
              {t('row.download')}
            </Menu.Item>
          </Menu.Dropdown>
        </Menu>
      </Group>
    </Paper>
  );
}
