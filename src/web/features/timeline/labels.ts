import type { ComponentType } from 'react';
import { IconCalendarEvent, IconMail, IconNote, IconPhone, IconUsersGroup } from '@tabler/icons-react';
import { ACTIVITY_KINDS, type ActivityKind } from '../../../shared/partners.js';
import { i18n } from '../../i18n.js';

// Words are read when shown (the language can change): the labels and each option's label are getters.
export const activityKindLabel = (kind: ActivityKind) => i18n.t(`timeline:kind.${kind}`);
export const ACTIVITY_KIND_LABELS = Object.defineProperties(
  {} as Record<ActivityKind, string>,
  Object.fromEntries(ACTIVITY_KINDS.map((k) => [k, { get: () => activityKindLabel(k), enumerable: true }])),
);
export const ACTIVITY_KIND_OPTIONS = ACTIVITY_KINDS.map((value) => ({
  value,
  get label() {
    return activityKindLabel(value);
  },
}));
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
