import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Badge, Button, Card, Group, Modal, NumberInput, Select, SimpleGrid, Stack, Switch, Table, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconPencil, IconPlus, IconRestore } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { STAGE_KINDS, type StageKind } from '../../../shared/deals.js';
import { createDealStageBody, updateDealStageBody, type DealStage } from '../../../shared/schemas/opportunity.js';
import { errorMessage, isApiError } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ListTable } from '../../components/ListTable.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { kindLabel, stageName } from './labels.js';
import { stagesQuery, useSaveStage, useSetStageArchived } from './queries.js';

interface Values extends Record<string, unknown> {
  key: string;
  name: string;
  probability: number | string;
  position: number | string;
  kind: StageKind;
}
type EditBody = Omit<z.input<typeof updateDealStageBody>, 'version'>;
const num = (v: number | string) => (v === '' ? Number.NaN : Number(v));
const createSchema = z
  .custom<Values>()
  .transform((v): z.input<typeof createDealStageBody> => ({ key: v.key.trim(), name: v.name.trim(), probability: num(v.probability), position: num(v.position), kind: v.kind }))
  .pipe(createDealStageBody);
const editSchema = z
  .custom<Values>()
  .transform((v): EditBody => ({ name: v.name.trim() || null, probability: num(v.probability), position: num(v.position), kind: v.kind }))
  .pipe(updateDealStageBody.omit({ version: true }));

const kindOptions = () => STAGE_KINDS.map((k) => ({ value: k, label: kindLabel(k) }));

/** Adds a stage, or renames, re-weighs and reorders one (`stage` given). */
function StageModal({ opened, stage, nextPosition, onClose }: { opened: boolean; stage: DealStage | null; nextPosition: number; onClose: () => void }) {
  const { t } = useTranslation(['deals', 'common']);
  const save = useSaveStage();
  const labels = { key: t('stages.key'), name: t('stages.name'), probability: t('stages.probability'), position: t('stages.position'), kind: t('stages.kind') };
  const blank: Values = { key: '', name: '', probability: 50, position: nextPosition, kind: 'open' };
  const form = useSchemaForm(stage ? editSchema : createSchema, blank, { labels });
  useEffect(() => {
    if (!opened) return;
    form.reset(stage ? { key: stage.key, name: stage.name ?? '', probability: stage.probability, position: stage.position, kind: stage.kind } : blank);
    save.reset();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, stage?.key, stage?.version]);

  const submit = form.submit(async (body) => {
    try {
      const s = await save.mutateAsync(
        stage ? { key: stage.key, update: { version: stage.version, ...(body as EditBody) } } : { create: body as z.input<typeof createDealStageBody> },
      );
      notifications.show({ color: 'teal', message: stage ? t('stages.saved', { name: stageName(s) }) : t('stages.added', { name: stageName(s) }) });
      onClose();
    } catch (e) {
      if (isApiError(e, 409) && e.code === 'version_conflict') throw new Error(t('stages.conflict'), { cause: e });
      throw e;
    }
  });
  const keyInput = form.getInputProps('key');
  const nameInput = form.getInputProps('name');
  const probabilityInput = form.getInputProps('probability');
  const positionInput = form.getInputProps('position');
  return (
    <Modal opened={opened} onClose={onClose} title={stage ? t('stages.editTitle', { name: stageName(stage) }) : t('stages.addTitle')}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          {!stage && <TextInput label={t('stages.key')} description={t('stages.keyHint')} required data-autofocus maxLength={40} {...keyInput} />}
          <TextInput label={t('stages.name')} description={stage && !stage.name ? t('stages.nameHint') : undefined} required={!stage} maxLength={60} {...nameInput} />
          <SimpleGrid cols={3} spacing="sm">
            <NumberInput label={t('stages.probability')} min={0} max={100} allowDecimal={false} {...probabilityInput} />
            <NumberInput label={t('stages.position')} min={0} max={1000} allowDecimal={false} {...positionInput} />
            <Select label={t('stages.kind')} data={kindOptions()} allowDeselect={false} {...form.getInputProps('kind')} />
          </SimpleGrid>
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {stage ? t('stages.save') : t('stages.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** /admin/deal-stages: the pipeline's stages, their probabilities and order (administrators). */
export function StagesAdminPage() {
  const { t } = useTranslation('deals');
  const [showArchived, setShowArchived] = useState(false);
  const stages = useQuery(stagesQuery(showArchived ? 'all' : 'false'));
  const archive = useSetStageArchived();
  const [editing, setEditing] = useState<DealStage | null>(null);
  const [open, setOpen] = useState(false);
  const [archiving, setArchiving] = useState<DealStage | null>(null);
  const nextPosition = Math.max(0, ...(stages.data ?? []).map((s) => s.position)) + 10;
  const setArchived = (s: DealStage, archived: boolean) =>
    archive.mutate(
      { key: s.key, version: s.version, archived },
      {
        onSuccess: () => {
          setArchiving(null);
          notifications.show({ color: 'teal', message: archived ? t('stages.archived', { name: stageName(s) }) : t('stages.restored', { name: stageName(s) }) });
        },
        onError: (e) => !archived && notifications.show({ color: 'red', title: t('stages.failed'), message: errorMessage(e) }),
      },
    );

  return (
    <>
      <PageHeader
        title={t('stages.title')}
        description={t('stages.description')}
        actions={
          <Button
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => {
              setEditing(null);
              setOpen(true);
            }}
          >
            {t('stages.add')}
          </Button>
        }
      />
      <Switch mb="sm" label={t('stages.showArchived')} checked={showArchived} onChange={(e) => setShowArchived(e.currentTarget.checked)} />
      <Card withBorder radius="md" padding={0}>
        <QueryStates query={stages} loading={t('stages.loading')} inset>
          {(items) => (
            <ListTable query={stages} caption={t('stages.caption')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('stages.position')}</Table.Th>
                  <Table.Th>{t('stages.name')}</Table.Th>
                  <Table.Th>{t('stages.kind')}</Table.Th>
                  <Table.Th ta="right">{t('stages.probability')}</Table.Th>
                  <Table.Th ta="right">{t('stages.openDeals')}</Table.Th>
                  <Table.Th>
                    <span className="visually-hidden">{t('stages.actions')}</span>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((s) => (
                  <Table.Tr key={s.key}>
                    <Table.Td>{s.position}</Table.Td>
                    <Table.Td>
                      <Text size="sm" fw={500}>
                        {stageName(s)}
                      </Text>
                      <Text size="xs" c="dimmed">
                        {s.key}
                        {s.archivedAt ? ` · ${t('stages.archivedMark')}` : ''}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={s.kind === 'won' ? 'teal' : s.kind === 'lost' ? 'gray' : 'blue'}>
                        {kindLabel(s.kind)}
                      </Badge>
                    </Table.Td>
                    <Table.Td ta="right">{s.probability}</Table.Td>
                    <Table.Td ta="right">{s.openOpportunities}</Table.Td>
                    <Table.Td>
                      <Group gap={4} justify="flex-end" wrap="nowrap">
                        <ActionIcon
                          variant="subtle"
                          color="gray"
                          aria-label={t('stages.edit', { name: stageName(s) })}
                          onClick={() => {
                            setEditing(s);
                            setOpen(true);
                          }}
                        >
                          <IconPencil size={16} aria-hidden />
                        </ActionIcon>
                        {s.archivedAt ? (
                          <ActionIcon variant="subtle" color="gray" aria-label={t('stages.restore', { name: stageName(s) })} onClick={() => setArchived(s, false)}>
                            <IconRestore size={16} aria-hidden />
                          </ActionIcon>
                        ) : (
                          <ActionIcon
                            variant="subtle"
                            color="gray"
                            aria-label={t('stages.archive', { name: stageName(s) })}
                            onClick={() => {
                              archive.reset();
                              setArchiving(s);
                            }}
                          >
                            <IconArchive size={16} aria-hidden />
                          </ActionIcon>
                        )}
                      </Group>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </ListTable>
          )}
        </QueryStates>
      </Card>
      <StageModal opened={open} stage={editing} nextPosition={nextPosition} onClose={() => setOpen(false)} />
      <ConfirmDialog
        opened={archiving !== null}
        onClose={() => setArchiving(null)}
        onConfirm={() => archiving && setArchived(archiving, true)}
        title={t('stages.archiveTitle', { name: archiving ? stageName(archiving) : '' })}
        confirmLabel={t('stages.archive', { name: archiving ? stageName(archiving) : '' })}
        danger
        loading={archive.isPending}
        error={archive.error}
      >
        {t('stages.archiveText')}
      </ConfirmDialog>
    </>
  );
}
