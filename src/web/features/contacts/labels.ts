// Labels only, no schemas: the command palette in every page's shell imports these. Words are read
// from the catalogue when asked for, so they follow a change of language.
import { CONTACT_ROLES, LEVELS_3, STRENGTHS, UNASSIGNED, type ContactRole, type StakeholderGroup } from '../../../shared/partners.js';
import { i18n } from '../../i18n.js';

export type Influence = (typeof LEVELS_3)[number];
export type Strength = (typeof STRENGTHS)[number];

export const influenceLabel = (v: Influence) => i18n.t(`contacts:influence.${v}`);
export const influenceOptions = () => LEVELS_3.map((v) => ({ value: v, label: i18n.t(`contacts:influenceOption.${v}`) }));
export const INFLUENCE_COLORS: Record<Influence, string> = { low: 'gray', medium: 'blue', high: 'grape' };

export const strengthLabel = (v: Strength) => i18n.t(`contacts:strength.${v}`);
export const strengthOptions = () => STRENGTHS.map((v) => ({ value: v, label: strengthLabel(v) }));
/** Relationship strength as filled dots (1–4) and a colour that is never the only cue. */
export const STRENGTH_LEVEL: Record<Strength, number> = { weak: 1, neutral: 2, good: 3, strong: 4 };
export const STRENGTH_COLORS: Record<Strength, string> = { weak: 'red', neutral: 'gray', good: 'teal', strong: 'green' };

/** A contact's role, or the stakeholder map's "no role yet". */
export const groupLabel = (g: StakeholderGroup) => i18n.t(`contacts:role.${g}`);
export const contactRoleLabel = (r: ContactRole) => groupLabel(r);
export const contactRoleOptions = () => CONTACT_ROLES.map((r) => ({ value: r, label: groupLabel(r) }));
/** Directory filter: every role plus "no role yet". */
export const roleFilterOptions = () => [...contactRoleOptions(), { value: UNASSIGNED, label: groupLabel(UNASSIGNED) }];

/** Where a contact lives in the app: its partner's People tab, with the contact picked out. */
export const contactPath = (partnerId: string, contactId: string) => `/partners/${encodeURIComponent(partnerId)}/people?contact=${encodeURIComponent(contactId)}`;
