import { TEAM_ROLES, type TeamRole } from '../../../shared/partners.js';

export const TEAM_ROLE_LABELS: Record<TeamRole, string> = {
  owner: 'Owner',
  sales: 'Sales',
  marketing: 'Marketing',
  technical_lead: 'Technical lead',
  executive_sponsor: 'Executive sponsor',
};

/** What each role does on a partner, shown in the picker. */
export const TEAM_ROLE_DESCRIPTIONS: Record<TeamRole, string> = {
  owner: 'Manages the relationship and answers for it',
  sales: 'Sells with or through the partner',
  marketing: 'Campaigns, events and joint collateral',
  technical_lead: 'Certifications, integration and technical questions',
  executive_sponsor: 'Our senior contact for their leadership',
};

export const TEAM_ROLE_OPTIONS = TEAM_ROLES.map((r) => ({ value: r, label: TEAM_ROLE_LABELS[r] }));

/** Where a colleague's page is: linked from team tabs, owner names and the colleagues list. */
export const colleaguePath = (id: string) => `/colleagues/${encodeURIComponent(id)}`;
