import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconCalendar } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import type { ProgramDetail } from '../../../shared/schemas/programs.js';
import { ApiError, errorMessage, isApiError } from '../../api.js';
import { fieldMessage } from '../../components/useSchemaForm.js';
import { i18n } from '../../i18n.js';
import { PartnerSelect } from '../partners/pickers.js';
import { useSaveProgram } from './queries.js';

interface Draft {
  name: string;
  vendor: string;
  description: string;
  url: string;
  partner: { id: string; name: string } | null;
  heldLevelId: string | null;
  heldSince: string | null;
  nextReviewOn: string | null;
}
const labels = (): Record<string, string> => ({
  name: i18n.t('programs:field.name'),
  vendor: i18n.t('programs:field.vendor'),
  description: i18n.t('programs:field.description'),
  url: i18n.t('programs:field.url'),
  partnerId: i18n.t('programs:field.partner'),
  heldLevelId: i18n.t('programs:field.heldLevel'),
  heldSince: i18n.t('programs:field.heldSince'),
  nextReviewOn: i18n.t('programs:field.nextReviewOn'),
});

const draftOf = (p: ProgramDetail | null, partner: { id: string; name: string } | null): Draft => ({
  name: p?.name ?? '',
  vendor: p?.vendor ?? '',
  description: p?.description ?? '',
  url: p?.url ?? '',
  partner: p ? p.partner : partner,
  heldLevelId: p?.heldLevel?.id ?? null,
  heldSince: p?.heldSince ?? null,
  nextReviewOn: p?.nextReviewOn ?? null,
});

/** Creates a programme (optionally for a fixed partner) or edits its standing: link, held level, vendor review. */
export function ProgramFormModal({
  opened,
  program,
  partner,
  onClose,
  onSaved,
}: {
  opened: boolean;
  program: ProgramDetail | null;
  partner?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (p: ProgramDetail) => void;
}) {
  const { t } = useTranslation(['programs', 'common']);
  return (
    <Modal opened={opened} onClose={onClose} title={program ? t('form.editTitle', { name: program.name }) : t('form.newTitle')} size="lg">
      {opened && <ProgramFormModalBody key={`${program?.id}-${program?.version}`} program={program} partner={partner} onClose={onClose} onSaved={onSaved} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another programme or version), so it starts from the programme as stored. */
function ProgramFormModalBody({
  program,
  partner,
  onClose,
  onSaved,
}: {
  program: ProgramDetail | null;
  partner?: { id: string; name: string };
  onClose: () => void;
  onSaved?: (p: ProgramDetail) => void;
}) {
  const { t } = useTranslation(['programs', 'common']);
  const save = useSaveProgram();
  const [draft, setDraft] = useState<Draft>(() => draftOf(program, partner ?? null));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  const set = (patch: Partial<Draft>) => setDraft((d) => ({ ...d, ...patch }));
  const day = (v: unknown) => (v ? String(v).slice(0, 10) : null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    const missing: Record<string, string> = {};
    if (!draft.name.trim()) missing.name = fieldMessage(t('field.name'), i18n.t('validation:required'));
    if (!draft.vendor.trim()) missing.vendor = fieldMessage(t('field.vendor'), i18n.t('validation:required'));
    setErrors(missing);
    if (Object.keys(missing).length) return;
    const common = {
      name: draft.name,
      vendor: draft.vendor,
      description: draft.description.trim() || null,
      url: draft.url.trim() || null,
      partnerId: draft.partner?.id ?? null,
      nextReviewOn: draft.nextReviewOn,
    };
    try {
      const saved = await save.mutateAsync(
        program ? { id: program.id, body: { ...common, heldLevelId: draft.heldLevelId, heldSince: draft.heldSince, version: program.version } } : { body: common },
      );
      notifications.show({ color: 'teal', message: t('form.saved', { name: saved.name }) });
      onSaved?.(saved);
      onClose();
    } catch (err) {
      if (isApiError(err, 409) && err.code === 'version_conflict') setFormError(t('conflict'));
      else if (err instanceof ApiError && err.problem.errors?.length) {
        setErrors(
          Object.fromEntries(
            err.problem.errors.map((x) => {
              const f = x.path.replace(/^body\./, '');
              return [f, fieldMessage(labels()[f], x.message)];
            }),
          ),
        );
        setFormError(err.message);
      } else setFormError(errorMessage(err));
    }
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            label={t('field.name')}
            required
            data-autofocus
            value={draft.name}
            onChange={(e) => set({ name: e.currentTarget.value })}
            error={errors.name}
            placeholder={t('form.namePlaceholder')}
          />
          <TextInput
            label={t('field.vendor')}
            required
            value={draft.vendor}
            onChange={(e) => set({ vendor: e.currentTarget.value })}
            error={errors.vendor}
            placeholder={t('form.vendorPlaceholder')}
          />
        </SimpleGrid>
        {partner && !program ? (
          <Text size="sm">
            <Text span fw={500}>
              {t('form.partnerFixed')}{' '}
            </Text>
            {partner.name}
          </Text>
        ) : (
          <PartnerSelect
            label={t('field.partner')}
            description={t('form.partnerHint')}
            placeholder={t('form.partnerPlaceholder')}
            clearable
            value={draft.partner ? ({ ...draft.partner, types: [] } as unknown as PartnerSummary) : null}
            onPick={(p) => set({ partner: p ? { id: p.id, name: p.name } : null })}
            error={errors.partnerId}
          />
        )}
        {program && (
          <SimpleGrid cols={{ base: 1, xs: 2 }}>
            <Select
              label={t('field.heldLevel')}
              placeholder={program.levels.length ? t('form.levelNone') : t('form.levelDefineFirst')}
              clearable
              data={program.levels.map((l) => ({ value: l.id, label: `${l.rank}. ${l.name}` }))}
              value={draft.heldLevelId}
              onChange={(v) => set({ heldLevelId: v })}
              error={errors.heldLevelId}
            />
            <DatePickerInput
              label={t('field.heldSince')}
              placeholder={t('form.heldSinceNone')}
              clearable
              leftSection={<IconCalendar size={16} aria-hidden />}
              valueFormat={t('form.dateFormat')}
              firstDayOfWeek={1}
              value={draft.heldSince}
              onChange={(d) => set({ heldSince: day(d) })}
              error={errors.heldSince}
              popoverProps={{ withinPortal: true }}
            />
          </SimpleGrid>
        )}
        <DatePickerInput
          label={t('field.nextReviewOn')}
          description={t('form.reviewHint')}
          placeholder={t('form.reviewNone')}
          clearable
          leftSection={<IconCalendar size={16} aria-hidden />}
          valueFormat={t('form.dateFormat')}
          firstDayOfWeek={1}
          value={draft.nextReviewOn}
          onChange={(d) => set({ nextReviewOn: day(d) })}
          error={errors.nextReviewOn}
          popoverProps={{ withinPortal: true }}
        />
        <TextInput label={t('field.url')} value={draft.url} onChange={(e) => set({ url: e.currentTarget.value })} error={errors.url} placeholder={t('form.urlPlaceholder')} />
        <Textarea
          label={t('field.description')}
          autosize
          minRows={2}
          maxRows={5}
          value={draft.description}
          onChange={(e) => set({ description: e.currentTarget.value })}
          error={errors.description}
        />
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={save.isPending}>
            {program ? t('form.save') : t('form.create')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
