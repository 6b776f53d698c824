import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Alert, Badge, Button, Card, Group, List, MultiSelect, Progress, SegmentedControl, Select, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IMPORT_DECISIONS, IMPORT_FIELDS, type Import, type ImportCommitResult, type ImportDecision, type ImportRow } from '../../../shared/schemas/import.js';
import { PARTNER_TYPES } from '../../../shared/partners.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ListFooter } from '../../components/ListFooter.js';
import { ListTable } from '../../components/ListTable.js';
import { QueryStates } from '../../components/QueryStates.js';
import { LoadingState, ErrorState } from '../../components/states.js';
import { importQuery, importRowsQuery, useCommit, useDecide, useSetMapping, type RowsShown } from './queries.js';

const NONE = '';

/** One import on its way: columns, preview with errors and duplicates, dry run, commit with progress. */
export function ImportWizard({ id, onClose }: { id: string; onClose: () => void }) {
  const { t } = useTranslation('imports');
  const commit = useCommit();
  const imp = useQuery(importQuery(id, commit.isPending));
  if (imp.isPending) return <LoadingState />;
  if (imp.isError) return <ErrorState error={imp.error} onRetry={() => void imp.refetch()} />;
  const data = imp.data;
  return (
    <Stack gap="lg">
      <MappingCard imp={data} />
      <Card withBorder radius="md">
        <Stack gap="xs">
          <Group gap="xs">
            <Badge variant="light">{t('counts.rows', { count: data.counts.rows })}</Badge>
            <Badge variant="light" color={data.counts.errors ? 'red' : 'gray'}>
              {t('counts.errors', { count: data.counts.errors })}
            </Badge>
            <Badge variant="light" color={data.counts.duplicates ? 'yellow' : 'gray'}>
              {t('counts.duplicates', { count: data.counts.duplicates })}
            </Badge>
          </Group>
          <Text size="sm">{t('counts.plan', data.counts)}</Text>
        </Stack>
      </Card>
      <PreviewCard imp={data} />
      <CommitCard imp={data} commit={commit} onDone={onClose} />
    </Stack>
  );
}

function MappingCard({ imp }: { imp: Import }) {
  const { t } = useTranslation('imports');
  const { t: tp } = useTranslation('partners');
  const [mapping, setMapping] = useState<(string | null)[]>(imp.mapping);
  const [types, setTypes] = useState<string[]>(imp.defaults.types ?? []);
  const save = useSetMapping();
  // A mapping the server sends back (saved, or changed elsewhere) replaces the choices, adjusted while rendering.
  const [savedMapping, setSavedMapping] = useState(imp.mapping);
  if (imp.mapping !== savedMapping) {
    setSavedMapping(imp.mapping);
    setMapping(imp.mapping);
  }
  const fields = IMPORT_FIELDS[imp.kind] as readonly string[];
  const options = [{ value: NONE, label: t('mapping.ignore') }, ...fields.map((f) => ({ value: f, label: t(`field.${f}` as 'field.name') }))];
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        <Title order={2} size="h4">
          {t('mapping.title')}
        </Title>
        <Text size="sm" c="dimmed">
          {t('mapping.description', { fileName: imp.fileName })}
        </Text>
        <Group gap="sm" align="end">
          {imp.header.map((column, i) => (
            <Select
              key={`${i}-${column}`}
              label={column}
              aria-label={t('mapping.fieldFor', { column })}
              data={options.map((o) => ({ ...o, disabled: o.value !== NONE && o.value !== mapping[i] && mapping.includes(o.value) }))}
              value={mapping[i] ?? NONE}
              onChange={(v) => setMapping((m) => m.map((f, j) => (j === i ? v || null : f)))}
              allowDeselect={false}
              w={200}
              disabled={!imp.can.map}
            />
          ))}
        </Group>
        {imp.kind === 'partners' && (
          <MultiSelect
            label={t('mapping.defaultTypes')}
            data={PARTNER_TYPES.map((p) => ({ value: p, label: tp(`type.${p}`) }))}
            value={types}
            onChange={setTypes}
            maw={420}
            disabled={!imp.can.map}
          />
        )}
        {save.isError && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button variant="default" loading={save.isPending} disabled={!imp.can.map} onClick={() => save.mutate({ imp, mapping, types })}>
            {t('mapping.apply')}
          </Button>
        </Group>
      </Stack>
    </Card>
  );
}

function PreviewCard({ imp }: { imp: Import }) {
  const { t } = useTranslation('imports');
  const [show, setShow] = useState<RowsShown>('all');
  const [page, setPage] = useState(1);
  const rows = useQuery(importRowsQuery(imp.id, page, show));
  const decide = useDecide();
  const decisionOptions = (r: ImportRow) =>
    IMPORT_DECISIONS.filter((d) => d === 'skip' || (!r.errors.length && (d === 'create' || r.duplicate))).map((d) => ({ value: d, label: t(`decision.${d}`) }));
  return (
    <Card withBorder radius="md" padding={0}>
      <Group p="sm" justify="space-between">
        <Title order={2} size="h4">
          {t('preview.title')}
        </Title>
        <Group gap="sm">
          <SegmentedControl
            aria-label={t('preview.show')}
            value={show}
            onChange={(v) => {
              setShow(v as RowsShown);
              setPage(1);
            }}
            data={[
              { value: 'all', label: t('preview.showAll') },
              { value: 'errors', label: t('preview.showErrors') },
              { value: 'duplicates', label: t('preview.showDuplicates') },
            ]}
          />
          {imp.counts.duplicates > 0 && (
            <Select
              aria-label={t('preview.allDuplicates')}
              placeholder={t('preview.allDuplicates')}
              data={IMPORT_DECISIONS.map((d) => ({ value: d, label: t(`decision.${d}`) }))}
              value={null}
              onChange={(v) => v && decide.mutate({ imp, duplicates: v as ImportDecision })}
              disabled={!imp.can.commit}
              w={180}
            />
          )}
        </Group>
      </Group>
      {decide.isError && (
        <Alert color="red" role="alert" mx="sm">
          {errorMessage(decide.error)}
        </Alert>
      )}
      <QueryStates query={rows} loading={t('preview.loading')} inset isEmpty={(p) => p.items.length === 0} empty={<Text p="sm">{t('preview.none')}</Text>}>
        {(p) => (
          <>
            <ListTable query={rows} caption={t('preview.caption')} minWidth={720}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('preview.row')}</Table.Th>
                  {imp.header.map((h, i) => (
                    <Table.Th key={`${i}-${h}`}>{h}</Table.Th>
                  ))}
                  <Table.Th>{t('preview.problems')}</Table.Th>
                  <Table.Th>{t('preview.duplicate')}</Table.Th>
                  <Table.Th>{t('preview.decision')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {p.items.map((r) => (
                  <Table.Tr key={r.row}>
                    <Table.Td>{r.row}</Table.Td>
                    {imp.header.map((h, i) => (
                      <Table.Td key={`${i}-${h}`} c={r.errors.some((e) => e.column === i) ? 'red' : undefined}>
                        {r.cells[i] ?? ''}
                      </Table.Td>
                    ))}
                    <Table.Td>
                      {r.errors.length > 0 && (
                        <List size="xs" c="red">
                          {r.errors.map((e, k) => (
                            <List.Item key={k}>{e.field ? `${t(`field.${e.field}` as 'field.name', { defaultValue: e.field })}: ${e.message}` : e.message}</List.Item>
                          ))}
                        </List>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.duplicate && (
                        <Text size="sm">
                          {r.duplicate.name}{' '}
                          <Text span size="xs" c="dimmed">
                            ({t(`reason.${r.duplicate.reason}`)})
                          </Text>
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      <Select
                        aria-label={t('preview.decisionFor', { row: r.row })}
                        data={decisionOptions(r)}
                        value={r.decision}
                        onChange={(v) => v && v !== r.decision && decide.mutate({ imp, rows: [{ row: r.row, decision: v as ImportDecision }] })}
                        allowDeselect={false}
                        disabled={!imp.can.commit || decide.isPending}
                        w={160}
                        size="xs"
                      />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
            <ListFooter total={p.total} page={p.page} pageSize={p.pageSize} counted={t('preview.count', { count: p.total })} onPage={setPage} />
          </>
        )}
      </QueryStates>
    </Card>
  );
}

function CommitCard({ imp, commit, onDone }: { imp: Import; commit: ReturnType<typeof useCommit>; onDone: () => void }) {
  const { t } = useTranslation('imports');
  const [dry, setDry] = useState<ImportCommitResult | null>(null);
  const [confirming, setConfirming] = useState(false);
  const running = commit.isPending && !commit.variables?.dryRun;
  const progress = imp.progress;
  return (
    <Card withBorder radius="md">
      <Stack gap="sm">
        {dry && (
          <Alert color={dry.errors.length ? 'red' : 'blue'} role="status">
            <Text size="sm">{t('commit.dryRunResult', dry)}</Text>
            {dry.errors.length > 0 && (
              <>
                <Text size="sm">{t('commit.dryRunErrors', { count: new Set(dry.errors.map((e) => e.row)).size })}</Text>
                <List size="sm">
                  {dry.errors.slice(0, 20).map((e, k) => (
                    <List.Item key={k}>{t('commit.rowError', { row: e.row, message: e.field ? `${e.field}: ${e.message}` : e.message })}</List.Item>
                  ))}
                </List>
              </>
            )}
          </Alert>
        )}
        {(running || progress) && (
          <Stack gap={4} aria-live="polite">
            <Text size="sm">{t('commit.progress', { done: progress?.done ?? 0, total: progress?.total ?? imp.counts.create + imp.counts.update })}</Text>
            <Progress value={progress && progress.total ? (100 * progress.done) / progress.total : 0} animated aria-hidden />
          </Stack>
        )}
        {commit.isError && (
          <Alert color="red" role="alert">
            {errorMessage(commit.error)}
          </Alert>
        )}
        <Group>
          <Button
            variant="default"
            disabled={!imp.can.commit}
            loading={commit.isPending && commit.variables?.dryRun}
            onClick={() => commit.mutate({ imp, dryRun: true }, { onSuccess: setDry })}
          >
            {t('commit.dryRun')}
          </Button>
          <Button disabled={!imp.can.commit || imp.counts.create + imp.counts.update === 0} loading={running} onClick={() => setConfirming(true)}>
            {t('commit.commit')}
          </Button>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirming}
        onClose={() => setConfirming(false)}
        onConfirm={() =>
          commit.mutate(
            { imp, dryRun: false },
            {
              onSuccess: () => {
                setConfirming(false);
                onDone();
              },
              onError: () => setConfirming(false),
            },
          )
        }
        title={t('commit.confirmTitle')}
        confirmLabel={t('commit.commit')}
        loading={running}
      >
        {t('commit.confirm')}
      </ConfirmDialog>
    </Card>
  );
}
