import { Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { DEFAULT_CONTACT_INTERVAL_DAYS, DEFAULT_TIME_ZONE } from '../../../shared/rhythm.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { RelativeTime } from '../../components/RelativeTime.js';

// Due dates of the rhythm are read as days in the team's zone, wherever the reader is.
const shortDay = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: DEFAULT_TIME_ZONE });
const shortDayYear = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', year: 'numeric', timeZone: DEFAULT_TIME_ZONE });

/** "12 Nov", with the year when it is not this year's. */
export function formatDay(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return d.getUTCFullYear() === now.getUTCFullYear() ? shortDay.format(d) : shortDayYear.format(d);
}

type Cadence = Pick<PartnerSummary, 'contactDueAt' | 'contactOverdue' | 'effectiveContactIntervalDays' | 'contactIntervalDays' | 'importance'>;

export const intervalHint = (p: Cadence) =>
  p.contactIntervalDays === null
    ? `Expected contact every ${p.effectiveContactIntervalDays} days (the default for ${p.importance} partners)`
    : `Expected contact every ${p.effectiveContactIntervalDays} days (set for this partner; the default is ${DEFAULT_CONTACT_INTERVAL_DAYS[p.importance]})`;

/** When the last contact was, as "3 weeks ago". */
export function LastContactText({ at, size = 'sm' }: { at: string | null; size?: 'xs' | 'sm' }) {
  if (!at) {
    return (
      <Text size={size} c="dimmed" span>
        No contact yet
      </Text>
    );
  }
  return (
    <Text size={size} span style={{ whiteSpace: 'nowrap' }}>
      <RelativeTime iso={at} precise />
    </Text>
  );
}

/**
 * "Overdue for contact since 12 Nov" or "Next contact due by 3 Dec"; nothing for partners that keep
 * no rhythm (prospects, paused, offboarded). `compact` drops the words a table column says already.
 */
export function ContactDue({ partner, compact = false, size = 'sm' }: { partner: Cadence; compact?: boolean; size?: 'xs' | 'sm' }) {
  if (!partner.contactDueAt) {
    return compact ? (
      <Text size={size} c="dimmed" span>
        —
      </Text>
    ) : null;
  }
  const day = formatDay(partner.contactDueAt);
  if (partner.contactOverdue) {
    return (
      <Tooltip label={intervalHint(partner)} withArrow>
        <Text size={size} span fw={600} c="var(--mantine-color-orange-light-color)">
          <IconClockExclamation size={14} aria-hidden style={{ verticalAlign: '-2px', marginRight: 4 }} />
          {compact ? `Overdue since ${day}` : `Overdue for contact since ${day}`}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={intervalHint(partner)} withArrow>
      <Text size={size} c={compact ? undefined : 'dimmed'} span style={compact ? { whiteSpace: 'nowrap' } : undefined}>
        {compact ? `Due by ${day}` : `Next contact due by ${day}`}
      </Text>
    </Tooltip>
  );
}
