import { TEAM_ROLES, type TeamRole } from '../../../shared/partners.js';
import { i18n } from '../../i18n.js';

// Other features show these words too (playbooks, onboarding): the namespace loads with this module, before they render.
void i18n.loadNamespaces('team');

/** A record whose values are looked up when read, so that `LABELS[value]` follows the language. */
function wordsOf<K extends string>(keys: readonly K[], word: (k: K) => string): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const k of keys) Object.defineProperty(out, k, { get: () => word(k), enumerable: true });
  return out;
}

export const teamRoleLabel = (r: TeamRole) => i18n.t(`team:role.${r}`);
/** The role inside a sentence ("as technical lead"). */
export const teamRoleInSentence = (r: TeamRole) => i18n.t(`team:roleInSentence.${r}`);

export const TEAM_ROLE_LABELS = wordsOf(TEAM_ROLES, teamRoleLabel);

/** What each role does on a partner, shown in the picker. */
export const TEAM_ROLE_DESCRIPTIONS = wordsOf(TEAM_ROLES, (r) => i18n.t(`team:roleDescription.${r}`));

/** The roles as select options; each label is read when shown, so it follows the language. */
export const TEAM_ROLE_OPTIONS: { value: TeamRole; readonly label: string }[] = TEAM_ROLES.map((r) => ({
  value: r,
  get label() {
    return teamRoleLabel(r);
  },
}));

/** Where a colleague's page is: linked from team tabs, owner names and the colleagues list. */
export const colleaguePath = (id: string) => `/colleagues/${encodeURIComponent(id)}`;
