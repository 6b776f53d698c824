import { useState } from 'react';
import { Link } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { Anchor, Badge, Button, Card, Group, Menu, Stack, Switch, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconCalculator, IconCoins, IconPencil, IconPlus, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Agreement } from '../../../shared/schemas/kickback.js';
import { errorMessage } from '../../api.js';
import { QueryStates } from '../../components/QueryStates.js';
import { RowActions } from '../../components/RowActions.js';
import { EmptyState } from '../../components/states.js';
import { formatMinor } from '../../lib/format.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { AgreementFormModal, type AgreementFormTarget } from './AgreementFormModal.js';
import { describeTerms, describeValidity } from './format.js';
import { agreementsQuery, useAgreementAction } from './queries.js';

/** Kickbacks are for the partners who bring business: the tab shows for consultants and resellers. */
export const showsKickbacks = (p: { types: readonly string[] }) => p.types.includes('consultant_reseller');

function AgreementCard({ agreement: a, onEdit }: { agreement: Agreement; onEdit: () => void }) {
  const { t } = useTranslation('kickbacks');
  const act = useAgreementAction();
  const run = (action: 'archive' | 'restore' | 'recompute') =>
    act.mutate(
      { id: a.id, action, version: a.version },
      {
        onSuccess: (r) => {
          if (action !== 'recompute' || !('added' in r)) return;
          notifications.show({
            color: 'teal',
            message: r.added === 0 ? t('action.recomputedNone') : t('action.recomputed', { count: r.added, amount: formatMinor(r.addedMinor, a.currency) }),
          });
        },
        onError: (e) => notifications.show({ color: 'red', message: errorMessage(e) }),
      },
    );
  const any = a.can.edit || a.can.archive || a.can.restore || a.can.recompute;
  return (
    <Card withBorder radius="md" padding="md" component="article" aria-label={a.name}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Stack gap={4}>
          <Group gap="xs">
            <Text fw={600}>{a.name}</Text>
            <Badge variant="light" tt="none">
              {t(`kind.${a.kind}`)}
            </Badge>
            {a.archivedAt && (
              <Badge variant="light" color="gray" tt="none">
                {t('agreement.archived')}
              </Badge>
            )}
          </Group>
          <Text size="sm">{describeTerms(a)}</Text>
          {a.kind === 'tiered' && a.tierMode && (
            <Text size="xs" c="dimmed">
              {t(`tierMode.${a.tierMode}`)}
            </Text>
          )}
          <Text size="sm" c="dimmed">
            {describeValidity(a)} · {t(`basis.${a.basis}`)} · {a.currency}
          </Text>
          {a.notice ? (
            <Text size="sm" c="orange.9">
              {a.notice}
            </Text>
          ) : (
            <Text size="sm">{t('agreement.earned', { amount: formatMinor(a.earnedMinor, a.currency) })}</Text>
          )}
        </Stack>
        {any && (
          <RowActions label={t('action.actionsFor', { name: a.name })}>
            {a.can.edit && (
              <Menu.Item leftSection={<IconPencil size={16} aria-hidden />} onClick={onEdit}>
                {t('action.edit')}
              </Menu.Item>
            )}
            {a.can.recompute && (
              <Menu.Item leftSection={<IconCalculator size={16} aria-hidden />} onClick={() => run('recompute')}>
                {t('action.recompute')}
              </Menu.Item>
            )}
            {a.can.archive && (
              <Menu.Item leftSection={<IconArchive size={16} aria-hidden />} onClick={() => run('archive')}>
                {t('action.archive')}
              </Menu.Item>
            )}
            {a.can.restore && (
              <Menu.Item leftSection={<IconRestore size={16} aria-hidden />} onClick={() => run('restore')}>
                {t('action.restore')}
              </Menu.Item>
            )}
          </RowActions>
        )}
      </Group>
    </Card>
  );
}

/** A consultant's or reseller's kickback agreements, and a way to their statements. */
export function KickbacksTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('kickbacks');
  const [showArchived, setShowArchived] = useState(false);
  const agreements = useQuery(agreementsQuery(partner.id, showArchived ? 'all' : 'false'));
  const [form, setForm] = useState<AgreementFormTarget | null>(null);
  const ref = { id: partner.id, name: partner.name };
  const canCreate = agreements.data?.can.create ?? false;

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name })}
        </Text>
        <Group gap="sm">
          <Switch label={t('tab.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
          <Anchor component={Link} to={`/commission-statements?partnerId=${partner.id}`} size="sm">
            {t('tab.statements', { name: partner.name })}
          </Anchor>
          {canCreate && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({ partner: ref })}>
              {t('tab.add')}
            </Button>
          )}
        </Group>
      </Group>
      <QueryStates
        query={agreements}
        loading={t('tab.loading')}
        isEmpty={(page) => page.items.length === 0}
        empty={
          <EmptyState
            icon={<IconCoins size={24} aria-hidden />}
            title={t('tab.empty')}
            description={canCreate ? t('tab.emptyText', { name: partner.name }) : undefined}
            action={canCreate ? <Button onClick={() => setForm({ partner: ref })}>{t('tab.add')}</Button> : undefined}
          />
        }
      >
        {({ items }) => (
          <Stack gap="sm">
            {items.map((a) => (
              <AgreementCard key={a.id} agreement={a} onEdit={() => setForm({ partner: ref, agreement: a })} />
            ))}
          </Stack>
        )}
      </QueryStates>
      <AgreementFormModal target={form} onClose={() => setForm(null)} />
    </Stack>
  );
}
