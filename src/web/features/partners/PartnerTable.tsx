import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Badge, Box, Group, Stack, Table, Text } from '@mantine/core';
import type { UseQueryResult } from '@tanstack/react-query';
import { IconArchive } from '@tabler/icons-react';
import type { PartnerListItem } from '../../../shared/schemas/partner.js';
import { ListTable } from '../../components/ListTable.js';
import { SortHeader, sortCaption } from '../../components/SortHeader.js';
import { ImportanceBadge, PartnerLogo, StatusBadge } from './badges.js';
import { ContactDue, LastContactText } from '../tasks/ContactCadence.js';
import { countryLabel, typeLabel } from './labels.js';
import { RiskReviewBadge } from '../risk/RiskReviewBadge.js';
import { COLUMNS, type ColumnKey } from './listParams.js';
import classes from './PartnersPage.module.css';

export const partnerPath = (id: string, tab?: string) => `/partners/${encodeURIComponent(id)}${tab ? `/${tab}` : ''}`;

/** The levels held in the partner's programmes, each marked met or below (the same as the 360° header). */
function LevelCell({ p }: { p: PartnerListItem }) {
  const { t } = useTranslation('partners');
  if (!p.heldLevels.length)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Stack gap={2}>
      {p.heldLevels.map((h) => (
        <div key={h.programId}>
          <Group gap={6} wrap="nowrap">
            <Text size="sm">{h.level.name}</Text>
            <Badge size="xs" variant="light" color={h.met ? 'teal' : 'red'}>
              {h.met ? t('table.levelMet') : t('table.levelBelow')}
            </Badge>
          </Group>
          <Text size="xs" c="dimmed">
            {h.programName}
          </Text>
        </div>
      ))}
    </Stack>
  );
}

function Tags({ tags }: { tags: string[] }) {
  if (!tags.length)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={4}>
      {tags.map((t) => (
        <Badge key={t} size="sm" variant="light" color="gray" tt="none" fw={500}>
          {t}
        </Badge>
      ))}
    </Group>
  );
}

function Cell({ column: key, p }: { column: ColumnKey; p: PartnerListItem }) {
  const { t } = useTranslation('partners');
  switch (key) {
    case 'types':
      return (
        <Text size="sm" component="div">
          {p.types.map((type) => (
            <div key={type}>{t(`type.${type}`)}</div>
          ))}
        </Text>
      );
    case 'status':
      return <StatusBadge status={p.status} size="sm" />;
    case 'importance':
      return <ImportanceBadge importance={p.importance} size="sm" />;
    case 'level':
      return <LevelCell p={p} />;
    case 'owner':
      return p.owner ? (
        <Text size="sm">{p.owner.name}</Text>
      ) : (
        <Text size="sm" c="dimmed">
          {t('table.nobody')}
        </Text>
      );
    case 'country':
      return <Text size="sm">{p.country ? countryLabel(p.country) : '—'}</Text>;
    case 'tags':
      return <Tags tags={p.tags} />;
    case 'lastContact':
      return <LastContactText at={p.lastContactAt} />;
    case 'contactDue':
      return <ContactDue partner={p} compact />;
  }
}

function NameCell({ p }: { p: PartnerListItem }) {
  const { t } = useTranslation('partners');
  return (
    <Group gap="sm" wrap="nowrap">
      <PartnerLogo name={p.name} size={32} />
      <div style={{ minWidth: 0 }}>
        <Link to={partnerPath(p.id)} className={classes.nameLink}>
          {p.name}
        </Link>
        <RiskReviewBadge partner={p} size="xs" mt={2} display="block" w="fit-content" />
        {p.archivedAt && (
          <Group gap={4} mt={2}>
            <Badge size="xs" variant="outline" color="gray" leftSection={<IconArchive size={10} aria-hidden />}>
              {t('table.archived')}
            </Badge>
          </Group>
        )}
      </div>
    </Group>
  );
}

/** The desktop table: the name, then the chosen columns. */
export function PartnerTable({
  items,
  columns,
  sort,
  onSort,
  query,
}: {
  items: PartnerListItem[];
  columns: ColumnKey[];
  sort: string;
  onSort: (s: string) => void;
  query: Pick<UseQueryResult, 'isPlaceholderData' | 'isFetching'>;
}) {
  const { t } = useTranslation('partners');
  const shown = COLUMNS.filter((c) => columns.includes(c.key));
  return (
    <Box visibleFrom="sm">
      <ListTable query={query} caption={sortCaption(t('table.caption'), sort)} minWidth={Math.max(600, 220 + shown.length * 110)} verticalSpacing="xs" horizontalSpacing="sm">
        <Table.Thead>
          <Table.Tr>
            <SortHeader field="name" label={t('column.name')} sort={sort} onSort={onSort} />
            {shown.map((c) => ('sort' in c ? <SortHeader key={c.key} field={c.sort} label={c.label} sort={sort} onSort={onSort} /> : <Table.Th key={c.key}>{c.label}</Table.Th>))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((p) => (
            <Table.Tr key={p.id} className={p.archivedAt ? classes.archived : undefined}>
              <Table.Td className={classes.nameCell}>
                <NameCell p={p} />
              </Table.Td>
              {shown.map((c) => (
                <Table.Td key={c.key}>
                  <Cell column={c.key} p={p} />
                </Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </ListTable>
    </Box>
  );
}

/** On a phone each partner is a card: the whole card is the link. */
export function PartnerCards({ items }: { items: PartnerListItem[] }) {
  const { t } = useTranslation('partners');
  return (
    <Box hiddenFrom="sm" component="ul" className={classes.cards} aria-label={t('list.title')}>
      {items.map((p) => (
        <li key={p.id}>
          <Link to={partnerPath(p.id)} className={classes.card}>
            <Group gap="sm" wrap="nowrap" align="flex-start">
              <PartnerLogo name={p.name} size={36} />
              <Stack gap={4} style={{ minWidth: 0, flex: 1 }}>
                <Text fw={600} size="sm" style={{ overflowWrap: 'break-word' }}>
                  {p.name}
                </Text>
                <Group gap={6}>
                  <StatusBadge status={p.status} size="sm" />
                  {p.importance !== 'standard' && <ImportanceBadge importance={p.importance} size="sm" />}
                  {p.archivedAt && (
                    <Badge size="sm" variant="outline" color="gray">
                      {t('table.archived')}
                    </Badge>
                  )}
                  {p.contactOverdue && <ContactDue partner={p} compact size="xs" />}
                  <RiskReviewBadge partner={p} size="xs" />
                </Group>
                <Text size="xs">
                  {p.types.map(typeLabel).join(' · ')}
                  {p.heldLevels
                    .map((h) => ` — ${t('table.cardLevel', { level: h.level.name, program: h.programName, state: h.met ? t('table.levelMet') : t('table.levelBelow') })}`)
                    .join('')}
                </Text>
                <Text size="xs" c="dimmed">
                  {p.owner ? `${t('table.cardOwner', { name: p.owner.name })} · ` : ''}
                  {t('table.cardLastContact')} <LastContactText at={p.lastContactAt} size="xs" />
                </Text>
              </Stack>
            </Group>
          </Link>
        </li>
      ))}
    </Box>
  );
}
