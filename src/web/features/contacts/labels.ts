// Labels only, no schemas: the command palette in every page's shell imports these.
import { CONTACT_ROLE_LABELS, CONTACT_ROLES, LEVELS_3, STRENGTHS, UNASSIGNED, type StakeholderGroup } from '../../../shared/partners.js';

export type Influence = (typeof LEVELS_3)[number];
export type Strength = (typeof STRENGTHS)[number];

export const INFLUENCE_LABELS: Record<Influence, string> = { low: 'Low influence', medium: 'Medium influence', high: 'High influence' };
export const INFLUENCE_OPTIONS = LEVELS_3.map((v) => ({ value: v, label: v === 'low' ? 'Low' : v === 'medium' ? 'Medium' : 'High' }));
export const INFLUENCE_COLORS: Record<Influence, string> = { low: 'gray', medium: 'blue', high: 'grape' };

export const STRENGTH_LABELS: Record<Strength, string> = { weak: 'Weak', neutral: 'Neutral', good: 'Good', strong: 'Strong' };
export const STRENGTH_OPTIONS = STRENGTHS.map((v) => ({ value: v, label: STRENGTH_LABELS[v] }));
/** Relationship strength as filled dots (1–4) and a colour that is never the only cue. */
export const STRENGTH_LEVEL: Record<Strength, number> = { weak: 1, neutral: 2, good: 3, strong: 4 };
export const STRENGTH_COLORS: Record<Strength, string> = { weak: 'red', neutral: 'gray', good: 'teal', strong: 'green' };

export const GROUP_LABELS: Record<StakeholderGroup, string> = { ...CONTACT_ROLE_LABELS, [UNASSIGNED]: 'No role yet' };
export const CONTACT_ROLE_OPTIONS = CONTACT_ROLES.map((r) => ({ value: r, label: CONTACT_ROLE_LABELS[r] }));
/** Directory filter: every role plus "no role yet". */
export const ROLE_FILTER_OPTIONS = [...CONTACT_ROLE_OPTIONS, { value: UNASSIGNED, label: GROUP_LABELS[UNASSIGNED] }];

/** Where a contact lives in the app: its partner's People tab, with the contact picked out. */
export const contactPath = (partnerId: string, contactId: string) => `/partners/${encodeURIComponent(partnerId)}/people?contact=${encodeURIComponent(contactId)}`;
