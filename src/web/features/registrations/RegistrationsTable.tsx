import { Link } from 'react-router';
import { Anchor, Badge, Menu, Table, Text } from '@mantine/core';
import { IconExternalLink } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Registration } from '../../../shared/schemas/registration.js';
import { RowActions } from '../../components/RowActions.js';
import { SortHeader } from '../../components/SortHeader.js';
import { formatDate, formatDay, formatMinor } from '../../lib/format.js';
import { STATUS_COLORS, statusLabel } from './labels.js';

/** The registrations table's header and rows; `sort`/`onSort` make its headers order the list. */
export function RegistrationsHead({ sort, onSort, showPartner = true }: { sort: string; onSort: (sort: string) => void; showPartner?: boolean }) {
  const { t } = useTranslation('registrations');
  return (
    <Table.Thead>
      <Table.Tr>
        <SortHeader field="customer" label={t('field.customer')} sort={sort} onSort={onSort} />
        <Table.Th visibleFrom="sm">{t('field.direction')}</Table.Th>
        {showPartner && <SortHeader field="partner" label={t('field.partner')} sort={sort} onSort={onSort} visibleFrom="sm" />}
        <SortHeader field="status" label={t('field.status')} sort={sort} onSort={onSort} />
        <Table.Th visibleFrom="lg">{t('field.products')}</Table.Th>
        <SortHeader field="estimatedValue" label={t('field.estimatedValue')} sort={sort} onSort={onSort} visibleFrom="md" />
        <SortHeader field="filedAt" label={t('field.filedAt')} sort={sort} onSort={onSort} visibleFrom="md" />
        <SortHeader field="protectedUntil" label={t('field.protectedUntil')} sort={sort} onSort={onSort} />
        <Table.Th>
          <span className="visually-hidden">{t('list.actions')}</span>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}

export function RegistrationRow({ registration: r, showPartner = true }: { registration: Registration; showPartner?: boolean }) {
  const { t } = useTranslation('registrations');
  const to = `/registrations/${r.id}`;
  return (
    <Table.Tr data-testid={`registration-row-${r.id}`}>
      <Table.Td>
        <Anchor component={Link} to={to} size="sm" fw={500}>
          {r.customer.name}
        </Anchor>
        {r.customer.domain && (
          <Text size="xs" c="dimmed">
            {r.customer.domain}
          </Text>
        )}
      </Table.Td>
      <Table.Td visibleFrom="sm">
        <Text size="sm">{t(`direction.${r.direction}`)}</Text>
      </Table.Td>
      {showPartner && (
        <Table.Td visibleFrom="sm">
          <Anchor component={Link} to={`/partners/${r.partner.id}`} size="sm">
            {r.partner.name}
          </Anchor>
        </Table.Td>
      )}
      <Table.Td>
        <Badge variant="light" color={STATUS_COLORS[r.status]}>
          {statusLabel(r.status)}
        </Badge>
      </Table.Td>
      <Table.Td visibleFrom="lg">
        <Text size="sm">{r.products.map((p) => p.name).join(', ') || t('page.none')}</Text>
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Text size="sm">{r.estimatedValueMinor !== null ? formatMinor(r.estimatedValueMinor, r.currency) : t('page.none')}</Text>
      </Table.Td>
      <Table.Td visibleFrom="md">
        <Text size="sm">{formatDate(r.filedAt)}</Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm">{r.protectedUntil ? formatDay(r.protectedUntil) : t('page.none')}</Text>
      </Table.Td>
      <Table.Td>
        <RowActions label={t('list.actionsFor', { customer: r.customer.name })}>
          <Menu.Item component={Link} to={to}>
            {t('list.open')}
          </Menu.Item>
          {r.portalUrl && (
            <Menu.Item component="a" href={r.portalUrl} target="_blank" rel="noreferrer" leftSection={<IconExternalLink size={14} aria-hidden />}>
              {t('page.openPortal')}
            </Menu.Item>
          )}
        </RowActions>
      </Table.Td>
    </Table.Tr>
  );
}
