import { useQuery } from '@tanstack/react-query';
import { Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconCertificate, IconFileSpreadsheet } from '@tabler/icons-react';
import { CERTIFICATION_CATEGORY_LABELS, HOLDING_STATES, type HoldingState, type MatrixCell } from '../../../shared/schemas/certification.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import { STATE_COLORS, STATE_VARIANTS, stateText } from './labels.js';
import { matrixCsvUrl, matrixQuery } from './queries.js';
import classes from './certifications.module.css';

const LEGEND: Record<HoldingState, string> = { current: 'Current', expiring: 'Expires within 90 days', expired: 'Expired', planned: 'Exam planned' };

export function StateBadge({ state, cell }: { state: HoldingState; cell: Pick<MatrixCell, 'effectiveExpiresOn' | 'targetOn'> }) {
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
  const matrix = useQuery(matrixQuery(programId));
  const m = matrix.data;
  const cells = new Map((m?.cells ?? []).map((c) => [`${c.userId}|${c.certificationId}`, c]));

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Select label="Programme" placeholder="All programmes" clearable data={programOptions} value={programId} onChange={onProgramChange} w={{ base: '100%', xs: 340 }} />
        <Button component="a" href={matrixCsvUrl(programId)} download variant="default" leftSection={<IconFileSpreadsheet size={16} aria-hidden />}>
          Export CSV
        </Button>
      </Group>
      <Group gap="xs" aria-label="Legend" role="group">
        <Text size="sm" c="dimmed">
          Legend:
        </Text>
        {HOLDING_STATES.map((s) => (
          <Badge key={s} color={STATE_COLORS[s]} variant={STATE_VARIANTS[s]} radius="sm" tt="none" fw={500}>
            {LEGEND[s]}
          </Badge>
        ))}
      </Group>
      {matrix.isPending ? (
        <LoadingState label="Loading the matrix…" />
      ) : matrix.isError ? (
        <ErrorState error={matrix.error} onRetry={() => void matrix.refetch()} />
      ) : !m!.certifications.length ? (
        <EmptyState
          icon={<IconCertificate size={28} aria-hidden />}
          title={programId ? 'This programme has no certifications yet' : 'No certifications recorded yet'}
          description={
            programId
              ? 'An administrator adds them under Certification catalogue.'
              : 'Record the certifications colleagues hold and the exams they plan: the matrix shows who holds what and what expires when.'
          }
          action={action}
        />
      ) : (
        // Focusable so keyboard users can scroll a wide matrix sideways.
        <div className={classes.scroller} tabIndex={0} role="region" aria-label="Certification matrix (scrolls sideways)">
          <Table withTableBorder withColumnBorders striped highlightOnHover className={classes.matrix} aria-label="Certification matrix">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col" className={classes.sticky}>
                  Colleague
                </Table.Th>
                {m!.certifications.map((c) => (
                  <Table.Th key={c.id} scope="col" className={classes.certHead}>
                    <Text size="sm" fw={600} lh={1.25}>
                      {c.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {[c.examCode, CERTIFICATION_CATEGORY_LABELS[c.category], programId ? null : c.program.name].filter(Boolean).join(' · ')}
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
                          <Text size="sm" c="dimmed" aria-label="not held">
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
