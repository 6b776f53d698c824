import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type en from '../../shared/i18n/en/common.js';
import type { MeCan } from '../../shared/schemas/user.js';
import { useMe } from './session.js';
import { ForbiddenState } from './states.js';

/**
 * Shows a clear "not allowed" page instead of a page whose every request would fail. `allow` names
 * the ability in /api/me's `can` (decided by the server's policies) that the page needs; `what` names
 * the page's explanation in `common:access`.
 */
export function RequireAccess({ allow, what, children }: { allow: keyof MeCan; what: keyof (typeof en)['access']; children: ReactNode }) {
  const { t } = useTranslation('common');
  const me = useMe();
  if (!me.can[allow]) return <ForbiddenState what={t(`access.${what}`)} role={t(`role.${me.user.role}`)} />;
  return <>{children}</>;
}
