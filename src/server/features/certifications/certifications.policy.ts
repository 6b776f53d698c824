import { AppError, msg } from '../../lib/errors.js';
import { roles, signedIn, WRITERS, type Actor } from '../../lib/policy.js';

/**
 * The catalogue is "admin-editable" (the issue); everyone reads it, the matrix and who holds what,
 * since staffing and partner levels depend on it. Colleagues record their own certifications;
 * Partner Managers and administrators anyone's.
 */
export const certificationsPolicy = {
  read: signedIn,
  manage: roles('admin'),
  record: roles(...WRITERS),
};

const mayRecordForOthers = (actor: Actor) => actor.role === 'admin' || actor.role === 'manager';

export function assertMayRecordFor(actor: Actor, userId: string): void {
  if (userId !== actor.id && !mayRecordForOthers(actor)) {
    throw new AppError('forbidden', msg('certifications.onlyOwn'));
  }
}
