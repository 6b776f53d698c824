import { msg, type Msg } from '../../lib/errors.js';
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
export function fourEyesRefusal(a: { createdBy: string | null; updatedBy: string | null; assessorId: string | null }, actor: Pick<Actor, 'id'>): Msg | null {
  const did = [a.createdBy === actor.id && 'started', a.updatedBy === actor.id && 'changed', a.assessorId === actor.id && 'assessor'].filter(Boolean);
  if (!did.length) return null;
  // One whole sentence per combination: German cannot glue the verbs as English does.
  return msg(
    `risk.fourEyes.${did.join('_')}` as `risk.fourEyes.${'started' | 'changed' | 'assessor' | 'started_changed' | 'started_assessor' | 'changed_assessor' | 'started_changed_assessor'}`,
  );
}
