import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Alert, Anchor, Button, Group, Menu, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useDocumentTitle } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowLeft, IconArrowsMove, IconCoin, IconPencil, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OpportunityDetail } from '../../../shared/schemas/opportunity.js';
import { errorMessage, isApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PageHeader } from '../../components/PageHeader.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { formatDateTime, formatDay, formatMinor } from '../../lib/format.js';
import { countryLabel } from '../partners/labels.js';
import { DealPartners } from './DealPartners.js';
import { StageBadge } from './DealTable.js';
import { stageName, stageNameOf } from './labels.js';
import { OpportunityFormModal } from './OpportunityFormModal.js';
import { opportunityQuery, stagesQuery, useSetOpportunityArchived } from './queries.js';
import { useMoveDeal } from './useMoveDeal.js';
import { Field } from '../../components/Field.js';

function BackLink() {
  const { t } = useTranslation('deals');
  return (
    <Anchor component={Link} to="/deals/list" size="sm">
      <Group gap={4} component="span">
        <IconArrowLeft size={14} aria-hidden />
        {t('page.back')}
      </Group>
    </Anchor>
  );
}

/** The dated stage changes, oldest first: when, from → to, by whom. */
function StageHistory({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation('deals');
  const stages = useQuery(stagesQuery('all'));
  if (deal.stageHistory.length === 0) return <Text size="sm">{t('page.noHistory')}</Text>;
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing="xs" data-testid="deal-stage-history">
        <Table.Caption className="visually-hidden">{t('page.historyCaption', { title: deal.title })}</Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('page.historyWhen')}</Table.Th>
            <Table.Th>{t('page.historyWhat')}</Table.Th>
            <Table.Th>{t('page.historyWho')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {deal.stageHistory.map((h, i) => {
            const to = stageNameOf(h.toStage, stages.data);
            return (
              <Table.Tr key={`${h.at}-${i}`}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(h.at)}</Table.Td>
                <Table.Td>{h.fromStage ? t('page.historyMove', { from: stageNameOf(h.fromStage, stages.data), to }) : t('page.historyStart', { to })}</Table.Td>
                <Table.Td>{h.by?.name ?? t('page.unknownPerson')}</Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Loaded({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation('deals');
  useDocumentTitle(t('page.documentTitle', { title: deal.title }));
  const stages = useQuery(stagesQuery());
  const mover = useMoveDeal();
  const archive = useSetOpportunityArchived();
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const setArchived = (archived: boolean) =>
    archive.mutate(
      { id: deal.id, version: deal.version, archived },
      {
        onSuccess: (o) => {
          setConfirming(false);
          notifications.show({ color: 'teal', message: archived ? t('page.archived', { title: o.title }) : t('page.restored', { title: o.title }) });
        },
        onError: (e) => !archived && notifications.show({ color: 'red', title: t('page.notRestored'), message: errorMessage(e) }),
      },
    );
  const open = deal.stage.kind === 'open';

  return (
    <Stack gap="lg">
      <BackLink />
      <Group justify="space-between" align="flex-start" gap="sm">
        <Stack gap={4} style={{ flex: '1 1 20rem', minWidth: 0 }}>
          <Title order={1} fz={{ base: 22, sm: 28 }} style={{ overflowWrap: 'anywhere' }}>
            {deal.title}
          </Title>
          <Group gap="xs">
            <StageBadge stage={deal.stage} />
            <Text size="sm" c="dimmed">
              {deal.customer.name}
            </Text>
          </Group>
        </Stack>
        <Group gap="xs">
          {deal.can.move && !deal.archivedAt && (
            <Menu position="bottom-end" withinPortal shadow="md">
              <Menu.Target>
                <Button variant="default" leftSection={<IconArrowsMove size={16} aria-hidden />}>
                  {t('page.moveTo')}
                </Button>
              </Menu.Target>
              <Menu.Dropdown>
                {(stages.data ?? [])
                  .filter((s) => s.key !== deal.stage.key)
                  .map((s) => (
                    <Menu.Item key={s.key} onClick={() => mover.start(deal, s)}>
                      {stageName(s)}
                    </Menu.Item>
                  ))}
              </Menu.Dropdown>
            </Menu>
          )}
          {deal.can.edit && (
            <Button variant="default" leftSection={<IconPencil size={16} aria-hidden />} onClick={() => setEditing(true)}>
              {t('page.edit')}
            </Button>
          )}
          {deal.can.archive && (
            <Button
              variant="default"
              color="red"
              leftSection={<IconArchive size={16} aria-hidden />}
              onClick={() => {
                archive.reset();
                setConfirming(true);
              }}
            >
              {t('page.archive')}
            </Button>
          )}
          {deal.can.restore && (
            <Button variant="default" leftSection={<IconRestore size={16} aria-hidden />} loading={archive.isPending} onClick={() => setArchived(false)}>
              {t('page.restore')}
            </Button>
          )}
        </Group>
      </Group>

      {deal.archivedAt && (
        <Alert color="gray" variant="light" icon={<IconArchive aria-hidden />}>
          {t('page.archivedBanner')}
        </Alert>
      )}

      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="deal-amounts">
          <Title order={2} size="h4" mb="sm" id="deal-amounts">
            {t('page.amounts')}
          </Title>
          <SimpleGrid cols={2} spacing="sm" component="dl" m={0}>
            <Field label={t('field.oneOff')}>{formatMinor(deal.oneOffMinor, deal.currency)}</Field>
            <Field label={t('field.mrr')}>{formatMinor(deal.mrrMinor, deal.currency)}</Field>
            <Field label={t('field.arr')}>{formatMinor(deal.arrMinor, deal.currency)}</Field>
            <Field label={t('field.value')}>{formatMinor(deal.valueMinor, deal.currency)}</Field>
            <Field label={t('field.weighted')}>
              {formatMinor(deal.weightedMinor, deal.currency)}
              {open && (
                <Text span size="xs" c="dimmed">
                  {` · ${t('board.probability', { probability: deal.stage.probability })}`}
                </Text>
              )}
            </Field>
            <Field label={t('field.products')}>{deal.products.length ? deal.products.map((p) => p.name).join(', ') : t('page.noProducts')}</Field>
          </SimpleGrid>
        </Paper>

        <Paper withBorder p="md" radius="md" component="section" aria-labelledby="deal-people">
          <Title order={2} size="h4" mb="sm" id="deal-people">
            {t('page.people')}
          </Title>
          <Stack gap="sm">
            <Field label={t('field.customer')}>
              {deal.customer.name}
              {deal.customer.domain ? ` · ${deal.customer.domain}` : ''}
              {deal.customer.country ? ` · ${countryLabel(deal.customer.country)}` : ''}
            </Field>
            <div>
              <Text size="xs" c="dimmed" tt="uppercase" fw={600} mb={4}>
                {t('field.partners')}
              </Text>
              <DealPartners deal={deal} />
            </div>
          </Stack>
        </Paper>
      </SimpleGrid>

      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={{ base: 1, sm: 2, md: 4 }} spacing="md" component="dl" m={0}>
          <Field label={t('field.stage')}>{stageName(deal.stage)}</Field>
          <Field label={deal.closedOn ? t('field.closedOn') : t('field.expectedClose')}>{formatDay(deal.closedOn ?? deal.expectedCloseOn)}</Field>
          <Field label={t('field.owner')}>{deal.owner?.name ?? t('page.noOwner')}</Field>
          <Field label={t('field.nextStep')}>
            {deal.nextStep ?? t('page.noNextStep')}
            {deal.nextStep && deal.nextStepDueOn ? ` · ${t('page.nextStepDue', { date: formatDay(deal.nextStepDueOn) })}` : ''}
          </Field>
          {deal.lostReason && <Field label={t('field.lostReason')}>{deal.lostReason}</Field>}
          {deal.notes && (
            <Field label={t('field.notes')}>
              <span style={{ whiteSpace: 'pre-wrap' }}>{deal.notes}</span>
            </Field>
          )}
        </SimpleGrid>
      </Paper>

      <Paper withBorder p="md" radius="md" component="section" aria-labelledby="deal-history">
        <Title order={2} size="h4" mb="sm" id="deal-history">
          {t('page.history')}
        </Title>
        <StageHistory deal={deal} />
      </Paper>

      {mover.dialog}
      <OpportunityFormModal target={editing ? { opportunity: deal } : null} onClose={() => setEditing(false)} />
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() => setArchived(true)}
        title={t('page.archiveTitle', { title: deal.title })}
        confirmLabel={t('page.archive')}
        danger
        loading={archive.isPending}
        error={archive.error}
      >
        {t('page.archiveText')}
      </ConfirmDialog>
    </Stack>
  );
}

/** /deals/:id — one opportunity: amounts, customer and partners, stage and its history, next step; edit, move and archive as `can` allows. */
export function OpportunityPage() {
  const { t } = useTranslation('deals');
  const { id = '' } = useParams();
  const deal = useQuery(opportunityQuery(id));
  if (deal.isPending) return <LoadingState label={t('page.loading')} />;
  if (deal.isError) {
    if (isApiError(deal.error, 404) || isApiError(deal.error, 400)) {
      return (
        <Stack gap="lg">
          <BackLink />
          <PageHeader title={t('page.notFound')} />
          <EmptyState icon={<IconCoin size={24} aria-hidden />} title={t('page.noSuchDeal')} headingLevel={2} description={t('page.noSuchDealHint')} />
        </Stack>
      );
    }
    return <ErrorState error={deal.error} onRetry={() => void deal.refetch()} />;
  }
  return <Loaded deal={deal.data} />;
}
