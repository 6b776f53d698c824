import type { ReactNode } from 'react';
import { formatDate, formatDateTime, formatRelative } from '../lib/format.js';

/**
 * A moment shown as "3 days ago", its exact date (or date and time) on hover and in `dateTime` for
 * assistive technology; `empty` when there is none.
 */
export function RelativeTime({ iso, empty = '—', precise = false }: { iso: string | null | undefined; empty?: ReactNode; precise?: boolean }) {
  if (!iso) return <>{empty}</>;
  return (
    <time dateTime={iso} title={precise ? formatDateTime(iso) : formatDate(iso)}>
      {formatRelative(iso)}
    </time>
  );
}
