/** Enums of the partner domain: defined once, used by the database checks, the API and the forms. */
export const PARTNER_TYPES = ['consultant_reseller', 'cloud_service_provider', 'software_vendor', 'distributor'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export const PARTNER_TYPE_LABELS: Record<PartnerType, string> = {
  consultant_reseller: 'Consultant & reseller',
  cloud_service_provider: 'Cloud service provider',
  software_vendor: 'Software vendor',
  distributor: 'Distributor',
};
/** Shown when someone looks for a customer type: customers are deliberately not partners here. */
export const CUSTOMERS_OUT_OF_SCOPE = 'Customers are not partners in Partnerhub: we deliver a service to them and they pay us. They live in the CRM, not here.';

export const PARTNER_STATUSES = ['prospect', 'onboarding', 'active', 'paused', 'offboarded'] as const;
export type PartnerStatus = (typeof PARTNER_STATUSES)[number];

export const IMPORTANCE = ['strategic', 'key', 'standard'] as const;
export type Importance = (typeof IMPORTANCE)[number];

export const DIRECTIONS = ['we_resell_them', 'they_resell_us', 'we_buy_from_them', 'joint_offer', 'referral'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const PARTNER_LINK_KINDS = ['distributor_of', 'reseller_of'] as const;
export type PartnerLinkKind = (typeof PARTNER_LINK_KINDS)[number];

export const CONTACT_ROLES = ['executive_sponsor', 'partner_manager', 'sales', 'presales', 'marketing', 'finance', 'support'] as const;
/** The stakeholder map's bucket for contacts without a role; also a `role` filter value. */
export const UNASSIGNED = 'unassigned';
export const STAKEHOLDER_GROUPS = [...CONTACT_ROLES, UNASSIGNED] as const;
export type StakeholderGroup = (typeof STAKEHOLDER_GROUPS)[number];
export type ContactRole = (typeof CONTACT_ROLES)[number];
export const CONTACT_ROLE_LABELS: Record<ContactRole, string> = {
  executive_sponsor: 'Executive sponsor',
  partner_manager: 'Alliance / partner manager',
  sales: 'Sales',
  presales: 'Presales / technical',
  marketing: 'Marketing',
  finance: 'Finance / billing',
  support: 'Support',
};
export const LEVELS_3 = ['low', 'medium', 'high'] as const;
export const STRENGTHS = ['weak', 'neutral', 'good', 'strong'] as const;

export const TEAM_ROLES = ['owner', 'sales', 'marketing', 'technical_lead', 'executive_sponsor'] as const;
export type TeamRole = (typeof TEAM_ROLES)[number];

export const ACTIVITY_KINDS = ['meeting', 'call', 'email', 'event', 'note'] as const;
export type ActivityKind = (typeof ACTIVITY_KINDS)[number];

export const LINK_KEYS = ['portal', 'brandGuidelines', 'prGuidelines', 'priceList'] as const;
