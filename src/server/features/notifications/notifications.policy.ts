import { publicAccess, signedIn } from '../../lib/policy.js';

export const notificationsPolicy = {
  /** Everyone has an inbox and preferences of their own; nobody reads another's. */
  own: signedIn,
  /** Unsubscribe links come from mail: the signed token is the authorization. */
  unsubscribe: publicAccess,
};
