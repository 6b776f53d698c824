import { roles, signedIn, type Actor } from '../../lib/policy.js';

/**
 * Everyone reads ratings (sales must know whether a supplier is high risk); writers start and edit
 * drafts and their findings (members only for partners they own or are on the team of, checked in
 * the service); approval fixes the rating, so it is the Partner Manager's or an admin's; the criteria
 * catalogue and the thresholds are the security policy itself: administrators only.
 */
export const riskPolicy = {
  read: signedIn,
  write: roles('admin', 'manager', 'member'),
  approve: roles('admin', 'manager'),
  configure: roles('admin'),
};

/**
 * Four eyes, as supplier security policies ask: whoever started the assessment, changed it last or
 * is named its assessor may not approve it. The sentence says why, or null when the actor may.
 */
export function fourEyesRefusal(a: { createdBy: string | null; updatedBy: string | null; assessorId: string | null }, actor: Pick<Actor, 'id'>): string | null {
  const did = [a.createdBy === actor.id && 'started', a.updatedBy === actor.id && 'last changed', a.assessorId === actor.id && 'are the assessor of'].filter(Boolean);
  if (!did.length) return null;
  const what = did.length === 1 ? did[0] : `${did.slice(0, -1).join(', ')} and ${did[did.length - 1]}`;
  return `Four eyes: you ${what} this assessment, so another Partner Manager or administrator must approve it`;
}
