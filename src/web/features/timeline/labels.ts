import type { ComponentType } from 'react';
import { IconCalendarEvent, IconMail, IconNote, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/partners.js';

export const ACTIVITY_KIND_LABELS: Record<ActivityKind, string> = { meeting: 'Meeting', call: 'Call', email: 'E-mail', event: 'Event', note: 'Note' };
export const ACTIVITY_KIND_OPTIONS = ACTIVITY_KINDS.map((k) => ({ value: k, label: ACTIVITY_KIND_LABELS[k] }));
export const ACTIVITY_KIND_ICONS: Record<ActivityKind, ComponentType<{ size?: number | string; 'aria-hidden'?: boolean }>> = {
  meeting: IconUsersGroup,
  call: IconPhone,
  email: IconMail,
  event: IconCalendarEvent,
  note: IconNote,
};
export const ACTIVITY_KIND_COLORS: Record<ActivityKind, string> = { meeting: 'indigo', call: 'teal', email: 'blue', event: 'grape', note: 'gray' };

/** Where a timeline entry lives in the app: its partner's Timeline tab, with the entry picked out. */
export const activityPath = (partnerId: string, activityId: string) => `/partners/${encodeURIComponent(partnerId)}/timeline?entry=${encodeURIComponent(activityId)}`;
