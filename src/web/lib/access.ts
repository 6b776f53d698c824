import type { Role } from '../../shared/roles.js';

/**
 * What the web app shows to whom. The server checks every request on its own (policies);
 * these only keep people from seeing buttons and pages that would answer "not allowed".
 */
export const can = {
  manageUsers: (role: Role) => role === 'admin',
  /** Changes partners and what hangs off them (contacts, team, timeline); members only where canEditPartner says so. */
  writePartners: (role: Role) => role === 'admin' || role === 'manager' || role === 'member',
  /** Archive, restore and merge partners and contacts: the Partner Manager's (and administrators'). */
  managePartners: (role: Role) => role === 'admin' || role === 'manager',
  /** The product catalogue partners are linked to: the Partner Manager's (and administrators'). */
  manageProducts: (role: Role) => role === 'admin' || role === 'manager',
  /** Loading the demo portfolio into an installation without partners. */
  loadDemoData: (role: Role) => role === 'admin',
};
export type Permission = (role: Role) => boolean;

/**
 * Whether this person may change this partner, its contacts, team and timeline: administrators and
 * Partner Managers always, members where they own the partner or are on its team (the server's rule).
 */
export function canEditPartner(me: { id: string; role: Role }, partner: { owner: { id: string } | null }, teamUserIds: readonly string[]): boolean {
  if (can.managePartners(me.role)) return true;
  if (me.role !== 'member') return false;
  return partner.owner?.id === me.id || teamUserIds.includes(me.id);
}
