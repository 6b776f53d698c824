export const ROLES = ['admin', 'manager', 'member', 'finance', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: 'Administrator',
  manager: 'Partner Manager',
  member: 'Member',
  finance: 'Finance',
  viewer: 'Viewer',
};

export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  admin: 'Manages users, roles and settings',
  manager: 'Everything about partners',
  member: 'Reads everything; writes what they own or are assigned to',
  finance: 'Invoices, payments and reports',
  viewer: 'Read only',
};
