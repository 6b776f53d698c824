import type { ComponentType } from 'react';
import {
  IconAlarm,
  IconCalendarEvent,
  IconCertificate,
  IconChecklist,
  IconClockExclamation,
  IconFileText,
  IconMail,
  IconPhoneCall,
  IconRocket,
  IconShieldCheck,
  IconStairsUp,
  IconUsersGroup,
} from '@tabler/icons-react';
import type { NotificationKind } from '../../../shared/rhythm.js';

type Icon = ComponentType<{ size?: number | string; stroke?: number; 'aria-hidden'?: boolean }>;

/** Each kind's icon and colour; its words are `notifications:kind.<kind>`. */
export const KIND_LABELS: Record<NotificationKind, { icon: Icon; color: string }> = {
  task_due: { icon: IconChecklist, color: 'blue' },
  task_overdue: { icon: IconClockExclamation, color: 'red' },
  task_assigned: { icon: IconChecklist, color: 'blue' },
  cadence_overdue: { icon: IconPhoneCall, color: 'orange' },
  meeting_upcoming: { icon: IconCalendarEvent, color: 'grape' },
  onboarding_step_due: { icon: IconRocket, color: 'teal' },
  digest: { icon: IconMail, color: 'gray' },
  team_digest: { icon: IconUsersGroup, color: 'gray' },
  certification_expiring: { icon: IconCertificate, color: 'orange' },
  level_at_risk: { icon: IconStairsUp, color: 'red' },
  level_review: { icon: IconStairsUp, color: 'blue' },
  risk_review_due: { icon: IconShieldCheck, color: 'orange' },
  contract_notice: { icon: IconFileText, color: 'red' },
  registration_protection: { icon: IconFileText, color: 'orange' },
};

export const ReminderIcon: Icon = IconAlarm;
