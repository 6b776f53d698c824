import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../shared/roles.js';
import type { MeCan } from '../../shared/schemas/user.js';
import { useMe } from './session.js';
import { ForbiddenState } from './states.js';

/**
 * Shows a clear "not allowed" page instead of a page whose every request would fail. `allow` names
 * the ability in /api/me's `can` (decided by the server's policies) that the page needs.
 */
export function RequireAccess({ allow, what, children }: { allow: keyof MeCan; what: string; children: ReactNode }) {
  const me = useMe();
  if (!me.can[allow]) return <ForbiddenState what={what} role={ROLE_LABELS[me.user.role]} />;
  return <>{children}</>;
}
