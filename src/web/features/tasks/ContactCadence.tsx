import { Text, Tooltip } from '@mantine/core';
import { IconClockExclamation } from '@tabler/icons-react';
import { DEFAULT_CONTACT_INTERVAL_DAYS, DEFAULT_TIME_ZONE } from '../../../shared/rhythm.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { useTranslation } from 'react-i18next';
import { RelativeTime } from '../../components/RelativeTime.js';
import { i18n } from '../../i18n.js';
import { dayLocale } from './labels.js';

// Due dates of the rhythm are read as days in the team's zone, wherever the reader is.
const formats = new Map<string, { day: Intl.DateTimeFormat; dayYear: Intl.DateTimeFormat }>();
function dayFormats() {
  const locale = dayLocale();
  let f = formats.get(locale);
  if (!f) {
    f = {
      day: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', timeZone: DEFAULT_TIME_ZONE }),
      dayYear: new Intl.DateTimeFormat(locale, { day: 'numeric', month: 'short', year: 'numeric', timeZone: DEFAULT_TIME_ZONE }),
    };
    formats.set(locale, f);
  }
  return f;
}

/** "12 Nov", with the year when it is not this year's. */
export function formatDay(iso: string, now = new Date()): string {
  const d = new Date(iso);
  return d.getUTCFullYear() === now.getUTCFullYear() ? dayFormats().day.format(d) : dayFormats().dayYear.format(d);
}

type Cadence = Pick<PartnerSummary, 'contactDueAt' | 'contactOverdue' | 'effectiveContactIntervalDays' | 'contactIntervalDays' | 'importance'>;

export const intervalHint = (p: Cadence) =>
  p.contactIntervalDays === null
    ? i18n.t('tasks:cadence.intervalDefault', { days: p.effectiveContactIntervalDays, importance: i18n.t(`tasks:cadence.importance.${p.importance}`) })
    : i18n.t('tasks:cadence.intervalSet', { days: p.effectiveContactIntervalDays, default: DEFAULT_CONTACT_INTERVAL_DAYS[p.importance] });

/** When the last contact was, as "3 weeks ago". */
export function LastContactText({ at, size = 'sm' }: { at: string | null; size?: 'xs' | 'sm' }) {
  const { t } = useTranslation('tasks');
  if (!at) {
    return (
      <Text size={size} c="dimmed" span>
        {t('cadence.noContact')}
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
  const { t } = useTranslation('tasks');
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
          {compact ? t('cadence.overdueSince', { day }) : t('cadence.overdueForContact', { day })}
        </Text>
      </Tooltip>
    );
  }
  return (
    <Tooltip label={intervalHint(partner)} withArrow>
      <Text size={size} c={compact ? undefined : 'dimmed'} span style={compact ? { whiteSpace: 'nowrap' } : undefined}>
        {compact ? t('cadence.dueBy', { day }) : t('cadence.nextDue', { day })}
      </Text>
    </Tooltip>
  );
}
