import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Badge, Paper, ScrollArea, Stack, Table, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Conflict, Registration } from '../../../shared/schemas/registration.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatMinor } from '../../lib/format.js';
import { STATUS_COLORS, stageName, statusLabel } from './labels.js';
import { conflictsQuery } from './queries.js';

/** One column of the comparison: this registration or a competitor, in the same shape. */
interface Column {
  key: string;
  heading: ReactNode;
  partners: ReactNode;
  customer: ReactNode;
  filed: ReactNode;
  status: ReactNode;
  products: ReactNode;
  value: ReactNode;
}

function Products({ items, common }: { items: { id: string; name: string }[]; common?: Set<string> }) {
  const { t } = useTranslation('registrations');
  return (
    <Stack gap={2}>
      {items.map((p) => (
        <Text key={p.id} size="sm" fw={common?.has(p.id) ? 600 : undefined}>
          {p.name}
          {common?.has(p.id) ? ` (${t('conflicts.common')})` : ''}
        </Text>
      ))}
    </Stack>
  );
}

const statusBadge = (s: Registration['status']) => (
  <Badge variant="light" color={STATUS_COLORS[s]}>
    {statusLabel(s)}
  </Badge>
);

function conflictColumn(c: Conflict, t: (key: string, values?: Record<string, unknown>) => string): Column {
  const isRegistration = c.kind === 'registration';
  return {
    key: c.id,
    heading: (
      <Stack gap={4}>
        {isRegistration ? (
          <Anchor component={Link} to={`/registrations/${c.id}`} size="sm" fw={600}>
            {t('conflicts.registration')}
          </Anchor>
        ) : (
          <Anchor component={Link} to={`/deals/${c.id}`} size="sm" fw={600}>
            {t('conflicts.opportunity')}
            {c.title ? `: ${c.title}` : ''}
          </Anchor>
        )}
        {isRegistration && (
          <Badge variant="light" color={c.filedEarlier ? 'orange' : 'gray'}>
            {c.filedEarlier ? t('conflicts.firstFiled') : t('conflicts.filedLater')}
          </Badge>
        )}
      </Stack>
    ),
    partners: c.partners.map((p) => p.name).join(', ') || t('page.none'),
    customer: (
      <>
        <Text size="sm">{c.customer.name}</Text>
        <Text size="xs" c="dimmed">
          {[c.customer.domain, t(`conflicts.matchedBy.${c.matchedBy}`)].filter(Boolean).join(' · ')}
        </Text>
      </>
    ),
    filed: formatDateTime(c.filedAt),
    status: c.status ? statusBadge(c.status) : c.stage ? t('conflicts.openStage', { stage: stageName(c.stage) }) : t('page.none'),
    products: <Products items={c.products} common={new Set(c.commonProductIds)} />,
    value: c.valueMinor !== null ? formatMinor(c.valueMinor, c.currency) : t('page.none'),
  };
}

/**
 * The conflict check of a registration, side by side: this registration in the first column, each
 * active registration or open opportunity for the same customer and a common product beside it
 * (partner, filed, status, products, value).
 */
export function ConflictPanel({ registration: r }: { registration: Registration }) {
  // The deals namespace words the opportunities' stages.
  const { t } = useTranslation(['registrations', 'deals']);
  const tt = t as unknown as (key: string, values?: Record<string, unknown>) => string;
  const conflicts = useQuery(conflictsQuery(r.id));
  const mine: Column = {
    key: 'this',
    heading: (
      <Text size="sm" fw={600}>
        {t('conflicts.this')}
      </Text>
    ),
    partners: r.partner.name,
    customer: (
      <>
        <Text size="sm">{r.customer.name}</Text>
        {r.customer.domain && (
          <Text size="xs" c="dimmed">
            {r.customer.domain}
          </Text>
        )}
      </>
    ),
    filed: formatDateTime(r.filedAt),
    status: statusBadge(r.status),
    products: <Products items={r.products} />,
    value: r.estimatedValueMinor !== null ? formatMinor(r.estimatedValueMinor, r.currency) : t('page.none'),
  };
  const rows: { key: Exclude<keyof Column, 'key' | 'heading'>; label: string }[] = [
    { key: 'partners', label: t('conflicts.partner') },
    { key: 'customer', label: t('conflicts.customer') },
    { key: 'filed', label: t('conflicts.filed') },
    { key: 'status', label: t('conflicts.status') },
    { key: 'products', label: t('conflicts.products') },
    { key: 'value', label: t('conflicts.value') },
  ];

  let body: ReactNode;
  if (conflicts.isPending) body = <LoadingState label={t('conflicts.loading')} minHeight={80} />;
  else if (conflicts.isError) body = <ErrorState error={conflicts.error} onRetry={() => void conflicts.refetch()} />;
  else if (!conflicts.data.items.length)
    body = (
      <Alert color="teal" variant="light" icon={<IconCircleCheck aria-hidden />} data-testid="conflict-none">
        {t('conflicts.none')}
      </Alert>
    );
  else {
    const columns = [mine, ...conflicts.data.items.map((c) => conflictColumn(c, tt))];
    body = (
      <ScrollArea type="auto">
        <Table withColumnBorders verticalSpacing="xs" miw={300 + 220 * columns.length} data-testid="conflict-table">
          <caption className="visually-hidden">{t('conflicts.caption')}</caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Td />
              {columns.map((c) => (
                <Table.Th key={c.key} scope="col" data-testid={`conflict-${c.key}`}>
                  {c.heading}
                </Table.Th>
              ))}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key}>
                <Table.Th scope="row">{row.label}</Table.Th>
                {columns.map((c) => (
                  <Table.Td key={c.key}>{c[row.key]}</Table.Td>
                ))}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </ScrollArea>
    );
  }

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="conflicts-title" data-testid="conflict-panel">
      <Stack gap="sm">
        <Title order={2} size="h4" id="conflicts-title">
          {conflicts.data?.items.length ? <IconAlertTriangle size={18} aria-hidden style={{ verticalAlign: 'text-bottom', marginRight: 6 }} /> : null}
          {t('conflicts.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('conflicts.intro')}
        </Text>
        {body}
      </Stack>
    </Paper>
  );
}
