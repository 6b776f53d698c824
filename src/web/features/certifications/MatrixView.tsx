import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconCertificate, IconFileSpreadsheet } from '@tabler/icons-react';
import { HOLDING_STATES, type HoldingState, type MatrixCell } from '../../../shared/schemas/certification.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { categoryLabel, STATE_COLORS, STATE_VARIANTS, stateText } from './labels.js';
import { matrixCsvUrl, matrixQuery } from './queries.js';
import classes from './certifications.module.css';

export function StateBadge({ state, cell }: { state: HoldingState; cell: Pick<MatrixCell, 'effectiveExpiresOn' | 'targetOn'> }) {
  // Re-renders when the language changes (the words come from stateText).
  useTranslation('certifications');
  return (
    <Badge color={STATE_COLORS[state]} variant={STATE_VARIANTS[state]} radius="sm" tt="none" fw={500} className={classes.stateBadge}>
      {stateText(state, cell)}
    </Badge>
  );
}

/** Colleagues × certifications, coloured by expiry (with the words beside the colour), exportable as CSV. */
export function MatrixView({
  programId,
  onProgramChange,
  programOptions,
  action,
}: {
  programId: string | null;
  onProgramChange: (id: string | null) => void;
  programOptions: { value: string; label: string }[];
  action?: React.ReactNode;
}) {
  const { t } = useTranslation('certifications');
  const matrix = useQuery(matrixQuery(programId));
  const m = matrix.data;
  const cells = new Map((m?.cells ?? []).map((c) => [`${c.userId}|${c.certificationId}`, c]));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select
          label={t('matrix.programme')}
          placeholder={t('matrix.allProgrammes')}
          clearable
          data={programOptions}
          value={programId}
          onChange={onProgramChange}
          w={{ base: '100%', xs: 340 }}
        />
        <Button component="a" href={matrixCsvUrl(programId)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
          {t('matrix.exportCsv')}
        </Button>
      </Group>
      <Group gap="xs" aria-label={t('matrix.legendLabel')} role="group">
        <Text size="sm" c="dimmed">
          {t('matrix.legend')}
        </Text>
        {HOLDING_STATES.map((s) => (
          <Badge key={s} color={STATE_COLORS[s]} variant={STATE_VARIANTS[s]} radius="sm" tt="none" fw={500}>
            {t(`matrix.legendState.${s}`)}
          </Badge>
        ))}
      </Group>
      {matrix.isPending ? (
        <LoadingState label={t('matrix.loading')} />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : !m!.certifications.length ? (
        <EmptyState
          icon={<IconCertificate size={28} aria-hidden />}
          title={programId ? t('matrix.emptyProgramme') : t('matrix.empty')}
          description={programId ? t('matrix.emptyProgrammeText') : t('matrix.emptyText')}
          action={action}
        />
      ) : (
        // Focusable so keyboard users can scroll a wide matrix sideways.
        <div className={classes.scroller} tabIndex={0} role="region" aria-label={t('matrix.region')}>
          <Table withTableBorder withColumnBorders striped highlightOnHover className={classes.matrix} aria-label={t('matrix.table')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className={classes.sticky}>
                  {t('matrix.colleague')}
                </Table.Th>
                {m!.certifications.map((c) => (
                  <Table.Th key={c.id} scope="col" className={classes.certHead}>
                    <Text size="sm" fw={600} lh={1.25}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[c.examCode, categoryLabel(c.category), programId ? null : c.program.name].filter(Boolean).join(' · ')}
                    </Text>
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {m!.users.map((u) => (
                <Table.Tr key={u.id}>
                  <Table.Th scope="row" className={classes.sticky}>
                    {u.name}
                  </Table.Th>
                  {m!.certifications.map((c) => {
                    const cell = cells.get(`${u.id}|${c.id}`);
                    return (
                      <Table.Td key={c.id}>
                        {cell ? (
                          <StateBadge state={cell.state} cell={cell} />
                        ) : (
                          <Text size="sm" c="dimmed" aria-label={t('matrix.notHeld')}>
                            –
                          </Text>
                        )}
                      </Table.Td>
                    );
                  })}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </div>
      )}
    </Stack>
  );
}
