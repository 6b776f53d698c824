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

export const KIND_LABELS: Record<NotificationKind, { label: string; icon: Icon; color: string }> = {
  task_due: { label: 'Task due', icon: IconChecklist, color: 'blue' },
  task_overdue: { label: 'Task overdue', icon: IconClockExclamation, color: 'red' },
  task_assigned: { label: 'Task assigned', icon: IconChecklist, color: 'blue' },
  cadence_overdue: { label: 'Contact overdue', icon: IconPhoneCall, color: 'orange' },
  meeting_upcoming: { label: 'Meeting', icon: IconCalendarEvent, color: 'grape' },
  onboarding_step_due: { label: 'Onboarding step', icon: IconRocket, color: 'teal' },
  digest: { label: 'Digest', icon: IconMail, color: 'gray' },
  team_digest: { label: 'Team digest', icon: IconUsersGroup, color: 'gray' },
  certification_expiring: { label: 'Certification expiring', icon: IconCertificate, color: 'orange' },
  level_at_risk: { label: 'Partner level at risk', icon: IconStairsUp, color: 'red' },
  level_review: { label: 'Tier review', icon: IconStairsUp, color: 'blue' },
  risk_review_due: { label: 'Risk review due', icon: IconShieldCheck, color: 'orange' },
  contract_notice: { label: 'Contract notice deadline', icon: IconFileText, color: 'red' },
};

export const ReminderIcon: Icon = IconAlarm;
