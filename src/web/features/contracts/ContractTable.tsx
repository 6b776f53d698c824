import { Link } from 'react-router';
import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import type { Contract } from '../../../shared/schemas/contract.js';
import { CONTRACT_STATUS_LABELS, CONTRACT_TYPE_LABELS } from '../../../shared/schemas/contract.js';
import { CONTRACT_STATUS_COLORS, formatDay, formatMoney, noticeDueText, NOTICE_URGENT_DAYS } from './format.js';

/** "1 Feb 2025 – 31 May 2027", "from 1 Feb 2025", "until 31 May 2027". */
export function formatTerm(c: Pick<Contract, 'startsOn' | 'currentTermEnd' | 'endsOn'>): string {
  const end = c.currentTermEnd ?? c.endsOn;
  if (c.startsOn && end) return `${formatDay(c.startsOn)} – ${formatDay(end)}`;
  if (c.startsOn) return `from ${formatDay(c.startsOn)}`;
  if (end) return `until ${formatDay(end)}`;
  return '—';
}

/** The notice deadline with how far off it is; red within 30 days. */
export function NoticeCell({ contract: c }: { contract: Contract }) {
  if (!c.noticeDeadline) {
    return (
      <Text size="sm" c="dimmed">
        {c.noticeState === 'ended' ? 'Ended' : 'No notice period'}
      </Text>
    );
  }
  const due = noticeDueText(c.daysToNotice);
  const urgent = c.daysToNotice !== null && c.daysToNotice >= 0 && c.daysToNotice <= NOTICE_URGENT_DAYS;
  return (
    <Stack gap={0}>
      <Text size="sm" fw={urgent ? 600 : undefined} c={urgent ? 'red.9' : undefined}>
        {formatDay(c.noticeDeadline)}
      </Text>
      <Text size="xs" c={urgent ? 'red.9' : 'dimmed'}>
        {due ? due.replace(/^notice due /, '') : 'passed'}
        {c.autoRenew && c.currentTermEnd ? ` · renews ${formatDay(c.currentTermEnd)}` : ''}
      </Text>
    </Stack>
  );
}

/** Contracts as a table: title (links to the contract), type, status, term, notice deadline, value. */
export function ContractTable({ items, caption, showPartner = false }: { items: Contract[]; caption: string; showPartner?: boolean }) {
  return (
    <Table.ScrollContainer minWidth={showPartner ? 900 : 760}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Caption className="visually-hidden">{caption}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Contract</Table.Th>
            {showPartner && <Table.Th scope="col">Partner</Table.Th>}
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Term</Table.Th>
            <Table.Th scope="col">Notice deadline</Table.Th>
            <Table.Th scope="col" ta="right">
              Value
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
                  {CONTRACT_TYPE_LABELS[c.type]}
                  {c.archivedAt ? ' · archived' : ''}
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
                  {CONTRACT_STATUS_LABELS[c.status]}
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
                  {formatMoney(c.valueMinor, c.currency)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
