import type { ReactNode } from 'react';
import { ROLE_LABELS } from '../../shared/roles.js';
import type { Permission } from '../lib/access.js';
import { useMe } from './session.js';
import { ForbiddenState } from './states.js';

/** Shows a clear "not allowed" page instead of a page whose every request would fail. */
export function RequireAccess({ allow, what, children }: { allow: Permission; what: string; children: ReactNode }) {
  const me = useMe();
  if (!allow(me.user.role)) return <ForbiddenState what={what} role={ROLE_LABELS[me.user.role]} />;
  return <>{children}</>;
}
