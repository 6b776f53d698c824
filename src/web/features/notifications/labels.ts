import type { ComponentType } from 'react';
import { IconAlarm, IconCalendarEvent, IconChecklist, IconClockExclamation, IconMail, IconPhoneCall, IconRocket, IconUsersGroup } from '@tabler/icons-react';
import type { NotificationKind } from '../../../shared/rhythm.js';

type Icon = ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;

export const KIND_LABELS: Record<NotificationKind, { label: string; icon: Icon; color: string }> = {
  task_due: { label: 'Task due', icon: IconChecklist, color: 'blue' },
  task_overdue: { label: 'Task overdue', icon: IconClockExclamation, color: 'red' },
  task_assigned: { label: 'Task assigned', icon: IconChecklist, color: 'blue' },
  cadence_overdue: { label: 'Contact overdue', icon: IconPhoneCall, color: 'orange' },
  meeting_upcoming: { label: 'Meeting', icon: IconCalendarEvent, color: 'grape' },
  onboarding_step_due: { label: 'Onboarding step', icon: IconRocket, color: 'teal' },
  digest: { label: 'Digest', icon: IconMail, color: 'gray' },
  team_digest: { label: 'Team digest', icon: IconUsersGroup, color: 'gray' },
};

export const ReminderIcon: Icon = IconAlarm;
