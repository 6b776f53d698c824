import { DEFAULT_STAGES, REGISTRATION_DIRECTIONS, REGISTRATION_STATUSES, type RegistrationStatus } from '../../../shared/deals.js';
import { i18n } from '../../i18n.js';

export const STATUS_COLORS: Record<RegistrationStatus, string> = {
  draft: 'gray',
  submitted: 'blue',
  approved: 'teal',
  rejected: 'red',
  won: 'green',
  expired: 'orange',
};

export const statusLabel = (s: RegistrationStatus) => i18n.t(`registrations:status.${s}`);
export const statusOptions = () => REGISTRATION_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }));
export const directionOptions = () => REGISTRATION_DIRECTIONS.map((d) => ({ value: d, label: i18n.t(`registrations:direction.${d}`) }));

const DEFAULT_KEYS = new Set<string>(DEFAULT_STAGES.map((s) => s.key));
/** A stage's name: an administrator's own, else the catalogue's word for a default key. */
export const stageName = (stage: { key: string; name: string | null }) =>
  stage.name ?? (DEFAULT_KEYS.has(stage.key) ? i18n.t(`deals:stage.${stage.key as (typeof DEFAULT_STAGES)[number]['key']}`) : stage.key);
