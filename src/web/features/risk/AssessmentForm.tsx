import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Badge, Button, Card, Group, SegmentedControl, Select, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { FINDING_SEVERITIES, type FindingSeverity } from '../../../shared/compliance.js';
import { rateScores, type RiskAssessment } from '../../../shared/schemas/risk.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { ErrorState, LoadingState } from '../../components/states.js';
import { ColleagueSelect } from '../partners/pickers.js';
import { formatDay } from '../onboarding/format.js';
import { FindingList } from './AssessmentView.js';
import { RatingBadge, REASON_LABELS, SEVERITY_LABELS } from './labels.js';
import { assessmentQuery, riskPolicyQuery, useAddFinding, useApproveAssessment, useDeleteAssessment, useRemoveFinding, useUpdateAssessment } from './queries.js';

const SCORES = ['0', '1', '2', '3'].map((v) => ({ value: v, label: v }));
type Scores = Record<string, { score: number | null; note: string }>;

const initialScores = (a: RiskAssessment): Scores => Object.fromEntries(a.scores.map((s) => [s.criterionId, { score: s.score, note: s.note ?? '' }]));

function FindingForm({ a, partnerId }: { a: RiskAssessment; partnerId: string }) {
  const { t } = useTranslation('risk');
  const add = useAddFinding(partnerId);
  const [title, setTitle] = useState('');
  const [severity, setSeverity] = useState<FindingSeverity>('medium');
  const [mitigation, setMitigation] = useState('');
  const [assignee, setAssignee] = useState<string | null>(null);
  const [dueDate, setDueDate] = useState('');
  const submit = () =>
    add.mutate(
      { id: a.id, body: { title: title.trim(), severity, mitigation: mitigation.trim() || null, ...(assignee ? { assigneeId: assignee } : {}), dueDate: dueDate || null } },
      {
        onSuccess: () => {
          setTitle('');
          setMitigation('');
          setDueDate('');
        },
      },
    );
  return (
    <Stack gap="xs" component="fieldset" style={{ border: '1px solid var(--mantine-color-default-border)', borderRadius: 8, padding: 12 }}>
      <Text component="legend" size="sm" fw={500} px={4}>
        {t('form.addFinding')}
      </Text>
      <Group gap="sm" align="flex-end" wrap="wrap">
        <TextInput label={t('form.finding')} required value={title} onChange={(e) => setTitle(e.currentTarget.value)} style={{ flex: '2 1 16rem' }} />
        <Select
          label={t('form.severity')}
          data={FINDING_SEVERITIES.map((s) => ({ value: s, label: SEVERITY_LABELS[s] }))}
          value={severity}
          onChange={(v) => v && setSeverity(v as FindingSeverity)}
          allowDeselect={false}
          w={130}
        />
      </Group>
      <Textarea
        label={t('form.mitigation')}
        description={t('form.mitigationHint')}
        autosize
        minRows={1}
        value={mitigation}
        onChange={(e) => setMitigation(e.currentTarget.value)}
      />
      {mitigation.trim() && (
        <Group gap="sm" wrap="wrap">
          <ColleagueSelect
            label={t('form.taskAssignee')}
            placeholder={t('form.taskAssigneePlaceholder')}
            value={assignee}
            onChange={setAssignee}
            clearable
            style={{ flex: '1 1 14rem' }}
          />
          <TextInput label={t('form.taskDueDate')} type="date" value={dueDate} onChange={(e) => setDueDate(e.currentTarget.value)} w={180} />
        </Group>
      )}
      {add.isError && (
        <Alert color="red" variant="light" role="alert">
          {errorMessage(add.error)}
        </Alert>
      )}
      <Group>
        <Button variant="light" onClick={submit} disabled={!title.trim()} loading={add.isPending}>
          {t('form.addFindingButton')}
        </Button>
      </Group>
    </Stack>
  );
}

/**
 * The draft: each criterion with its guidance and a 0–3 score, a live preview of score and rating
 * under today's policy, who assessed it when, findings, and approval (which fixes it for good).
 */
export function AssessmentForm({ id, partnerId, canApprove }: { id: string; partnerId: string; canApprove: boolean }) {
  const { t } = useTranslation('risk');
  const q = useQuery(assessmentQuery(id));
  const policy = useQuery(riskPolicyQuery());
  if (q.isPending || policy.isPending) return <LoadingState label={t('form.loadingDraft')} />;
  if (q.isError) return <ErrorState error={q.error} onRetry={() => void q.refetch()} />;
  if (policy.isError) return <ErrorState error={policy.error} onRetry={() => void policy.refetch()} />;
  return <Editor key={q.data.id} a={q.data} partnerId={partnerId} canApprove={canApprove} policy={policy.data} />;
}

function Editor({ a, partnerId, canApprove, policy }: { a: RiskAssessment; partnerId: string; canApprove: boolean; policy: { mediumFrom: number; highFrom: number } }) {
  const { t } = useTranslation('risk');
  const [scores, setScores] = useState<Scores>(() => initialScores(a));
  const [assessorId, setAssessorId] = useState<string | null>(a.assessor?.id ?? null);
  const [assessedOn, setAssessedOn] = useState(a.assessedOn ?? '');
  const [scope, setScope] = useState(a.scope ?? '');
  const [summary, setSummary] = useState(a.summary ?? '');
  const [dirty, setDirty] = useState(false);
  const [confirming, setConfirming] = useState<'approve' | 'delete' | null>(null);
  const update = useUpdateAssessment(partnerId);
  const approve = useApproveAssessment(partnerId);
  const remove = useDeleteAssessment(partnerId);
  const removeFinding = useRemoveFinding(partnerId);

  const touch =
    <T,>(set: (v: T) => void) =>
    (v: T) => {
      set(v);
      setDirty(true);
    };
  const setScore = (criterionId: string, patch: Partial<Scores[string]>) => {
    setScores((s) => ({ ...s, [criterionId]: { ...s[criterionId]!, ...patch } }));
    setDirty(true);
  };
  const preview = rateScores(
    a.scores.map((s) => ({ score: scores[s.criterionId]?.score ?? null, weight: s.weight })),
    policy,
  );
  const unscored = a.scores.filter((s) => scores[s.criterionId]?.score === null).length;
  // The server says whether this caller may approve (role, and four eyes: not who prepared it).
  const approvable = canApprove && a.canApprove;
  const approvalNote = a.approvalRefusal
    ? t('form.refusal', { reason: a.approvalRefusal })
    : approvable && dirty
      ? t('form.fourEyesDirty')
      : approvable
        ? null
        : t('form.fourEyes');

  const body = () => ({
    version: a.version,
    assessorId,
    assessedOn: assessedOn || null,
    scope: scope.trim() || null,
    summary: summary.trim() || null,
    scores: a.scores.map((s) => ({ criterionId: s.criterionId, score: scores[s.criterionId]!.score, note: scores[s.criterionId]!.note.trim() || null })),
  });
  const save = async () => {
    const saved = await update.mutateAsync({ id: a.id, body: body() });
    setDirty(false);
    return saved;
  };
  const onSave = () =>
    save().then(
      () => notifications.show({ color: 'teal', message: t('form.draftSaved') }),
      () => undefined,
    );
  const onApprove = async () => {
    try {
      const current = dirty ? await save() : a;
      await approve.mutateAsync({ id: current.id, version: current.version });
      setConfirming(null);
      notifications.show({ color: 'teal', message: t('form.approved') });
    } catch {
      /* shown in the dialog */
    }
  };

  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby="risk-draft">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start" gap="xs">
          <Stack gap={2}>
            <Title order={2} size="h4" id="risk-draft">
              {t('form.title')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('form.started', { reason: REASON_LABELS[a.reason], date: formatDay(a.createdAt.slice(0, 10)) })}
            </Text>
          </Stack>
          <Group gap="xs" aria-live="polite">
            <Text size="sm" fw={600}>
              {preview ? t('form.preview', { percent: preview.scorePercent }) : t('form.noScores')}
            </Text>
            {preview && <RatingBadge rating={preview.rating} />}
          </Group>
        </Group>

        <Group gap="sm" align="flex-end" wrap="wrap">
          <ColleagueSelect label={t('form.assessor')} current={a.assessor} value={assessorId} onChange={touch(setAssessorId)} style={{ flex: '1 1 14rem' }} />
          <TextInput label={t('form.assessedOn')} type="date" value={assessedOn} onChange={(e) => touch(setAssessedOn)(e.currentTarget.value)} w={180} />
        </Group>
        <Textarea label={t('form.scope')} description={t('form.scopeHint')} autosize minRows={1} value={scope} onChange={(e) => touch(setScope)(e.currentTarget.value)} />

        <Stack gap={0} component="ol" style={{ listStyle: 'none', margin: 0, padding: 0 }} aria-label={t('form.criteria')}>
          {a.scores.map((s) => {
            const v = scores[s.criterionId]!;
            return (
              <Stack key={s.criterionId} component="li" gap={6} py="sm" style={{ borderBottom: '1px solid var(--mantine-color-default-border)' }}>
                <Group justify="space-between" align="flex-start" wrap="wrap" gap="sm">
                  <Stack gap={2} style={{ flex: '1 1 18rem', minWidth: 0 }}>
                    <Text size="sm" fw={600}>
                      {s.criterionName}{' '}
                      <Text span size="xs" c="dimmed" fw={400}>
                        {t('form.weight', { weight: s.weight })}
                      </Text>
                    </Text>
                    {s.guidance && (
                      <Text size="xs" c="dimmed">
                        {s.guidance}
                      </Text>
                    )}
                  </Stack>
                  <SegmentedControl
                    aria-label={s.criterionName}
                    data={SCORES}
                    value={v.score === null ? '' : String(v.score)}
                    onChange={(x) => setScore(s.criterionId, { score: Number(x) })}
                  />
                </Group>
                <TextInput
                  aria-label={t('form.noteOn', { criterion: s.criterionName })}
                  placeholder={t('form.notePlaceholder')}
                  size="xs"
                  value={v.note}
                  onChange={(e) => setScore(s.criterionId, { note: e.currentTarget.value })}
                />
              </Stack>
            );
          })}
        </Stack>
        <Textarea label={t('form.summary')} autosize minRows={2} value={summary} onChange={(e) => touch(setSummary)(e.currentTarget.value)} />

        <Title order={3} size="h5">
          {t('findings.title')}
        </Title>
        <FindingList
          findings={a.findings}
          onRemove={(f) => (
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t('form.removeFinding', { title: f.title })}
              loading={removeFinding.isPending}
              onClick={() => removeFinding.mutate({ id: a.id, findingId: f.id })}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          )}
        />
        <FindingForm a={a} partnerId={partnerId} />

        {update.isError && (
          <Alert color="red" variant="light" role="alert" title={t('form.notSaved')}>
            {errorMessage(update.error)}
          </Alert>
        )}
        <Group justify="space-between" gap="xs">
          <Button variant="subtle" color="red" onClick={() => setConfirming('delete')}>
            {t('form.deleteDraft')}
          </Button>
          <Group gap="xs">
            {dirty && (
              <Badge color="gray" variant="light">
                {t('form.unsaved')}
              </Badge>
            )}
            <Button variant="default" onClick={onSave} loading={update.isPending}>
              {t('form.saveDraft')}
            </Button>
            {approvable && !dirty && <Button onClick={() => setConfirming('approve')}>{t('form.approve')}</Button>}
          </Group>
        </Group>
        {approvalNote && (
          <Text size="sm" c="dimmed">
            {approvalNote}
          </Text>
        )}
      </Stack>
      <ConfirmDialog
        opened={confirming === 'approve'}
        onClose={() => setConfirming(null)}
        onConfirm={() => void onApprove()}
        title={t('form.approveTitle')}
        confirmLabel={t('form.approve')}
        loading={update.isPending || approve.isPending}
        error={approve.error ?? update.error}
      >
        {t('form.approveText')}
        {preview ? t('form.approveRated', { rating: t(`ratingInSentence.${preview.rating}`), percent: preview.scorePercent }) : ''}
        {unscored > 0 ? t('form.unscored', { count: unscored }) : ''}
      </ConfirmDialog>
      <ConfirmDialog
        opened={confirming === 'delete'}
        onClose={() => setConfirming(null)}
        onConfirm={() => remove.mutate(a.id, { onSuccess: () => setConfirming(null) })}
        title={t('form.deleteTitle')}
        confirmLabel={t('form.deleteDraft')}
        danger
        loading={remove.isPending}
        error={remove.error}
      >
        {t('form.deleteText')}
      </ConfirmDialog>
    </Card>
  );
}
