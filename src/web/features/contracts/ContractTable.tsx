import { Link } from 'react-router';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../i18n.js';
import type { Contract } from '../../../shared/schemas/contract.js';
import { CONTRACT_STATUS_COLORS, formatDay, noticeDue, NOTICE_URGENT_DAYS } from './format.js';
import { formatMinor } from '../../lib/format.js';

/** "1 Feb 2025 – 31 May 2027", "from 1 Feb 2025", "until 31 May 2027". */
export function formatTerm(c: Pick<Contract, 'startsOn' | 'currentTermEnd' | 'endsOn'>): string {
  const end = c.currentTermEnd ?? c.endsOn;
  if (c.startsOn && end) return i18n.t('contracts:term.range', { start: formatDay(c.startsOn), end: formatDay(end) });
  if (c.startsOn) return i18n.t('contracts:term.from', { start: formatDay(c.startsOn) });
  if (end) return i18n.t('contracts:term.until', { end: formatDay(end) });
  return '—';
}

/** The notice deadline with how far off it is; red within 30 days. */
export function NoticeCell({ contract: c }: { contract: Contract }) {
  const { t } = useTranslation('contracts');
  if (!c.noticeDeadline) {
    return (
      <Text size="sm" c="dimmed">
        {c.noticeState === 'ended' ? t('table.ended') : t('table.noNotice')}
      </Text>
    );
  }
  const due = noticeDue(c.daysToNotice);
  const urgent = c.daysToNotice !== null && c.daysToNotice >= 0 && c.daysToNotice <= NOTICE_URGENT_DAYS;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={urgent ? 600 : undefined} c={urgent ? 'red.9' : undefined}>
        {formatDay(c.noticeDeadline)}
      </Text>
      <Text size="xs" c={urgent ? 'red.9' : 'dimmed'}>
        {due ?? t('notice.passed')}
        {c.autoRenew && c.currentTermEnd ? t('notice.renewsOn', { date: formatDay(c.currentTermEnd) }) : ''}
      </Text>
    </Stack>
  );
}

/** Contracts as a table: title (links to the contract), type, status, term, notice deadline, value. */
export function ContractTable({ items, caption, showPartner = false }: { items: Contract[]; caption: string; showPartner?: boolean }) {
  const { t } = useTranslation('contracts');
  return (
    <Table.ScrollContainer minWidth={showPartner ? 900 : 760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">{t('table.contract')}</Table.Th>
            {showPartner && <Table.Th scope="col">{t('table.partner')}</Table.Th>}
            <Table.Th scope="col">{t('table.status')}</Table.Th>
            <Table.Th scope="col">{t('table.term')}</Table.Th>
            <Table.Th scope="col">{t('table.notice')}</Table.Th>
            <Table.Th scope="col" ta="right">
              {t('table.value')}
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((c) => (
            <Table.Tr key={c.id}>
              <Table.Td>
                <Anchor component={Link} to={`/contracts/${c.id}`} fw={500} size="sm">
                  {c.title}
                </Anchor>
                <Text size="xs" c="dimmed">
                  {t(`type.${c.type}`)}
                  {c.archivedAt ? t('table.archived') : ''}
                </Text>
              </Table.Td>
              {showPartner && (
                <Table.Td>
                  <Anchor component={Link} to={`/partners/${c.partner.id}/contracts`} size="sm">
                    {c.partner.name}
                  </Anchor>
                </Table.Td>
              )}
              <Table.Td>
                <Badge color={CONTRACT_STATUS_COLORS[c.status]} variant="light" tt="none">
                  {t(`status.${c.status}`)}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{formatTerm(c)}</Text>
              </Table.Td>
              <Table.Td>
                <NoticeCell contract={c} />
              </Table.Td>
              <Table.Td ta="right">
                <Text size="sm" style={{ fontVariantNumeric: 'tabular-nums' }}>
                  {formatMinor(c.valueMinor, c.currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
