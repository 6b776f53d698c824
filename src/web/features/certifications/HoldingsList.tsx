import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Chip, Group, Select, Stack, Table, Text, VisuallyHidden } from '@mantine/core';
import { IconArchive, IconCertificate, IconPencil } from '@tabler/icons-react';
import type { HoldingState, UserCertification } from '../../../shared/schemas/certification.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ExportMenu } from '../../components/ExportMenu.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { ColleagueSelect } from '../partners/pickers.js';
import { formatDay, HOLDING_STATE_OPTIONS } from './labels.js';
import { StateBadge } from './MatrixView.js';
import { holdingsQuery, useArchiveHolding } from './queries.js';

/** Every recorded certification and planned exam, the signed-in colleague's own first. */
export function HoldingsList({
  programId,
  onProgramChange,
  programOptions,
  onEdit,
  action,
}: {
  programId: string | null;
  onProgramChange: (id: string | null) => void;
  programOptions: { value: string; label: string }[];
  onEdit: (h: UserCertification) => void;
  action?: React.ReactNode;
}) {
  const { t } = useTranslation(['certifications', 'common']);
  const me = useMe();
  const [userId, setUserId] = useState<string | null>(null);
  const [state, setState] = useState<HoldingState | null>(null);
  const [mine, setMine] = useState(false);
  const filters = { userId: mine ? me.user.id : userId, programId, state };
  const holdings = useQuery(holdingsQuery(filters));
  const archive = useArchiveHolding();
  const [archiving, setArchiving] = useState<UserCertification | null>(null);
  const mayChange = (h: UserCertification) => h.user.id === me.user.id || me.user.role === 'admin' || me.user.role === 'manager';
  const items = [...(holdings.data ?? [])].sort((a, b) => Number(b.user.id === me.user.id) - Number(a.user.id === me.user.id));
  const filtered = Boolean(userId || programId || state || mine);

  return (
    <Stack gap="md">
      <Group gap="sm" align="flex-end" wrap="wrap">
        <Chip checked={mine} onChange={setMine} variant="outline">
          {t('list.mineOnly')}
        </Chip>
        {!mine && (
          <ColleagueSelect
            label={t('list.colleague')}
            placeholder={t('list.everyone')}
            clearable
            includeInactive
            value={userId}
            onChange={setUserId}
            w={{ base: '100%', xs: 220 }}
          />
        )}
        <Select
          label={t('list.programme')}
          placeholder={t('list.allProgrammes')}
          clearable
          data={programOptions}
          value={programId}
          onChange={onProgramChange}
          w={{ base: '100%', xs: 280 }}
        />
        <Select
          label={t('list.state')}
          placeholder={t('list.anyState')}
          clearable
          data={HOLDING_STATE_OPTIONS}
          value={state}
          onChange={(v) => setState(v as HoldingState | null)}
          w={{ base: '100%', xs: 180 }}
        />
        <ExportMenu
          path="/api/user-certifications/export"
          params={{ userId: filters.userId ?? undefined, programId: filters.programId ?? undefined, state: filters.state ?? undefined }}
        />
      </Group>
      {holdings.isPending ? (
        <LoadingState label={t('list.loading')} />
      ) : holdings.isError ? (
        <ErrorState error={holdings.error} onRetry={() => void holdings.refetch()} />
      ) : !items.length ? (
        <EmptyState
          icon={<IconCertificate size={28} aria-hidden />}
          title={filtered ? t('list.noMatch') : t('list.empty')}
          description={filtered ? t('list.noMatchText') : t('list.emptyText')}
          action={filtered ? undefined : action}
        />
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table highlightOnHover verticalSpacing="sm" aria-label={t('list.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('list.colleague')}</Table.Th>
                <Table.Th scope="col">{t('list.certification')}</Table.Th>
                <Table.Th scope="col">{t('list.state')}</Table.Th>
                <Table.Th scope="col">{t('list.obtained')}</Table.Th>
                <Table.Th scope="col">{t('list.credential')}</Table.Th>
                <Table.Th scope="col">
                  <VisuallyHidden>{t('list.actions')}</VisuallyHidden>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((h) => (
                <Table.Tr key={h.id}>
                  <Table.Td>
                    <Text size="sm" fw={h.user.id === me.user.id ? 600 : 400}>
                      {h.user.id === me.user.id ? t('list.you', { name: h.user.name }) : h.user.name}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{h.certification.name}</Text>
                    <Text size="xs" c="dimmed">
                      {[h.certification.examCode, h.certification.program.name].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Stack gap={2} align="flex-start">
                      <StateBadge state={h.state} cell={h} />
                      {h.renewedVia && (
                        <Text size="xs" c="dimmed">
                          {t('list.renewedBy', { name: h.renewedVia.name })}
                        </Text>
                      )}
                      {h.expiryOverridden && !h.renewedVia && (
                        <Text size="xs" c="dimmed">
                          {t('list.expirySetByHand')}
                        </Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{h.status === 'planned' ? '—' : formatDay(h.obtainedOn)}</Text>
                  </Table.Td>
                  <Table.Td>
                    {h.credentialUrl ? (
                      <Anchor href={h.credentialUrl} target="_blank" rel="noopener noreferrer" size="sm">
                        {h.credentialId ?? t('list.verify')}
                      </Anchor>
                    ) : (
                      <Text size="sm">{h.credentialId ?? '—'}</Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    {mayChange(h) && (
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <Button
                          size="xs"
                          variant="default"
                          leftSection={<IconPencil size={14} aria-hidden />}
                          onClick={() => onEdit(h)}
                          aria-label={t('list.editLabel', { certification: h.certification.name, name: h.user.name })}
                        >
                          {t('common:action.edit')}
                        </Button>
                        <Button
                          size="xs"
                          variant="subtle"
                          color="gray"
                          leftSection={<IconArchive size={14} aria-hidden />}
                          onClick={() => setArchiving(h)}
                          aria-label={t('list.removeLabel', { certification: h.certification.name, name: h.user.name })}
                        >
                          {t('common:action.remove')}
                        </Button>
                      </Group>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => {
          setArchiving(null);
          archive.reset();
        }}
        onConfirm={() => archive.mutate(archiving!, { onSuccess: () => setArchiving(null) })}
        title={t('list.removeTitle')}
        confirmLabel={t('common:action.remove')}
        danger
        loading={archive.isPending}
        error={archive.error}
      >
        {archiving ? t('list.removeText', { certification: archiving.certification.name, name: archiving.user.name }) : null}
      </ConfirmDialog>
    </Stack>
  );
}
