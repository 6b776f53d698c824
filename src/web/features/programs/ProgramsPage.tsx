import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Group, SegmentedControl, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconStairsUp } from '@tabler/icons-react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ExportMenu } from '../../components/ExportMenu.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { ProgramFormModal } from './ProgramFormModal.js';
import { formatDay } from './format.js';
import { StandingBadge } from './ProgramStanding.js';
import { programsQuery } from './queries.js';

/** Every partner programme: the level we hold, whether we meet it today, when expiries put it at risk, the vendor's next review. */
export function ProgramsPage() {
  const { t } = useTranslation('programs');
  const me = useMe();
  const canManage = me.can.managePrograms;
  const navigate = useNavigate();
  const [archived, setArchived] = useState<'false' | 'true'>('false');
  const programs = useQuery(programsQuery(archived));
  const [creating, setCreating] = useState(false);
  const items = programs.data ?? [];

  return (
    <>
      <PageHeader
        title={t('list.title')}
        description={t('list.description')}
        actions={
          canManage && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('list.new')}
            </Button>
          )
        }
      />
      <Stack gap="md">
        <Group>
          <SegmentedControl
            aria-label={t('list.which')}
            data={[
              { value: 'false', label: t('list.inUse') },
              { value: 'true', label: t('list.archived') },
            ]}
            value={archived}
            onChange={(v) => setArchived(v as 'false' | 'true')}
          />
          <ExportMenu path="/api/programs/export" params={{ archived }} />
        </Group>
        {programs.isPending ? (
          <LoadingState label={t('list.loading')} />
        ) : programs.isError && !programs.data ? (
          <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
        ) : items.length === 0 ? (
          <EmptyState
            icon={<IconStairsUp size={24} aria-hidden />}
            title={archived === 'true' ? t('list.noneArchived') : t('list.noneYet')}
            description={canManage && archived === 'false' ? t('list.noneYetHint') : undefined}
            action={canManage && archived === 'false' ? <Button onClick={() => setCreating(true)}>{t('list.new')}</Button> : undefined}
          />
        ) : (
          <Table.ScrollContainer minWidth={760}>
            <Table verticalSpacing="sm" highlightOnHover>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('list.program')}</Table.Th>
                  <Table.Th>{t('list.partner')}</Table.Th>
                  <Table.Th>{t('list.level')}</Table.Th>
                  <Table.Th>{t('list.today')}</Table.Th>
                  <Table.Th>{t('list.atRisk')}</Table.Th>
                  <Table.Th>{t('list.review')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((p) => (
                  <Table.Tr key={p.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/programs/${p.id}`} fw={600} size="sm">
                        {p.name}
                      </Anchor>
                      <Text size="xs" c="dimmed">
                        {p.vendor} · {p.levels.length ? p.levels.map((l) => l.name).join(' → ') : t('list.noLevels')}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      {p.partner ? (
                        <Anchor component={Link} to={`/partners/${p.partner.id}/programs`} size="sm">
                          {p.partner.name}
                        </Anchor>
                      ) : (
                        <Text size="sm" c="dimmed">
                          {t('list.notLinked')}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{p.heldLevel?.name ?? '—'}</Text>
                    </Table.Td>
                    <Table.Td>
                      <StandingBadge held={p.heldLevel ? { name: p.heldLevel.name, met: !!p.meetsHeldLevel } : null} />
                    </Table.Td>
                    <Table.Td>
                      {p.forecastDate ? (
                        <Badge color="yellow" variant="light">
                          {formatDay(p.forecastDate)}
                        </Badge>
                      ) : (
                        <Text size="sm" c="dimmed">
                          —
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">{formatDay(p.nextReviewOn)}</Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
      <ProgramFormModal opened={creating} program={null} onClose={() => setCreating(false)} onSaved={(p) => void navigate(`/programs/${p.id}`)} />
    </>
  );
}
