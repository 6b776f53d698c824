import { useState } from 'react';
import { Accordion, Alert, Anchor, Badge, Button, Card, Group, List, Modal, Progress, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ChecklistItem, ProgramDetail, ProgramLevel } from '../../../shared/schemas/programs.js';
import { errorMessage } from '../../api.js';
import { formatDateTime } from '../../lib/format.js';
import { daysFrom, daysLeft, formatDay, levelGaps, levelRequirementSentence, programCertifications } from './format.js';
import { useTickChecklistItem } from './queries.js';

type Certs = ReadonlyMap<string, { name: string }>;

/** "Meets Select today" / "Below Select" / "No level held". */
export function StandingBadge({ held }: { held: { name: string; met: boolean } | null }) {
  const { t } = useTranslation('programs');
  if (!held)
    return (
      <Badge color="gray" variant="light">
        {t('standing.noLevel')}
      </Badge>
    );
  return held.met ? (
    <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
      {t('standing.meets', { level: held.name })}
    </Badge>
  ) : (
    <Badge color="red" variant="light" leftSection={<IconX size={12} aria-hidden />}>
      {t('standing.below', { level: held.name })}
    </Badge>
  );
}

function Gaps({ title, gaps }: { title: string; gaps: string[] }) {
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm" spacing={2}>
        {gaps.map((g) => (
          <List.Item key={g}>{g}</List.Item>
        ))}
      </List>
    </Stack>
  );
}

function Forecast({ program }: { program: ProgramDetail }) {
  const { t } = useTranslation('programs');
  const held = program.held;
  if (!held || !held.met) return null;
  const f = held.forecast;
  if (!f) {
    return (
      <Text size="sm" c="dimmed" data-testid="forecast">
        {t('forecast.none', { level: held.level.name })}
      </Text>
    );
  }
  const causes = f.causes.map((c) => t('forecast.cause', { user: c.userName, certification: c.certificationName, date: formatDay(c.expiresOn) })).join('; ');
  const values = { date: formatDay(f.date), level: held.level.name, left: daysLeft(daysFrom(program.evaluatedOn, f.date)) };
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={t('forecast.title', { date: formatDay(f.date) })} data-testid="forecast">
      {causes ? t('forecast.bodyCauses', { ...values, causes }) : t('forecast.body', values)}
    </Alert>
  );
}

function TickModal({ item, onClose }: { item: ChecklistItem | null; onClose: () => void }) {
  const { t } = useTranslation(['programs', 'common']);
  const tick = useTickChecklistItem();
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!item) return;
    if (!evidence.trim()) return setError(t('tick.evidenceRequired'));
    try {
      await tick.mutateAsync({ id: item.id, version: item.version, evidence: evidence.trim() });
      notifications.show({ color: 'teal', message: t('tick.ticked', { title: item.title }) });
      setEvidence('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened={!!item} onClose={onClose} title={item ? t('tick.title', { title: item.title }) : ''}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Textarea
            label={t('tick.evidence')}
            description={t('tick.evidenceHint')}
            required
            data-autofocus
            autosize
            minRows={2}
            value={evidence}
            onChange={(e) => {
              setEvidence(e.currentTarget.value);
              setError(null);
            }}
            error={error}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={tick.isPending}>
              {t('tick.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LevelDetails({ level, certs, canManage, onTick }: { level: ProgramLevel; certs: Certs; canManage: boolean; onTick: (item: ChecklistItem) => void }) {
  const { t } = useTranslation('programs');
  const untick = useTickChecklistItem();
  const results = new Map(level.evaluation.requirements.flatMap((r) => [[r.id, r] as const, ...r.children.map((c) => [c.id, c] as const)]));
  const rows = level.requirements.flatMap((r) => [{ r, child: false }, ...r.children.map((c) => ({ r: { ...c, children: [] }, child: true }))]);
  if (!rows.length && !level.checklist.length)
    return (
      <Text size="sm" c="dimmed">
        {t('standing.noRequirements')}
      </Text>
    );
  return (
    <Stack gap="sm">
      {rows.map(({ r, child }) => {
        const res = results.get(r.id);
        const count = res?.count ?? 0;
        const sentence = levelRequirementSentence(r, certs, child);
        const progress = { have: count, count: r.minCount };
        return (
          <Stack key={r.id} gap={2} pl={child ? 'lg' : 0}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{sentence}</Text>
              <Text size="sm" fw={600} c={res?.met ? 'teal.9' : 'red.9'} style={{ whiteSpace: 'nowrap' }}>
                {r.counts === 'people' ? t('standing.progressPeople', progress) : t('standing.progressCertifications', progress)}
              </Text>
            </Group>
            <Progress
              value={Math.min(100, (count / r.minCount) * 100)}
              color={res?.met ? 'teal' : 'red'}
              size="sm"
              aria-label={t('standing.progressLabel', { sentence, have: count, min: r.minCount })}
            />
          </Stack>
        );
      })}
      {level.checklist.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            {t('checklist.title')}
          </Text>
          {level.checklist.map((c) => (
            <Group key={c.id} justify="space-between" gap="xs" wrap="nowrap" align="flex-start">
              <Group gap="xs" wrap="nowrap" align="flex-start" style={{ flex: 1, minWidth: 0 }}>
                <ThemeIcon size="sm" variant="light" color={c.done ? 'teal' : 'gray'} aria-hidden>
                  {c.done ? <IconCircleCheck size={14} /> : <IconCircleDashed size={14} />}
                </ThemeIcon>
                <Stack gap={0}>
                  <Text size="sm">
                    {c.title}
                    <Text span size="sm" c="dimmed">
                      {' — '}
                      {c.done ? t('checklist.done') : t('checklist.notDone')}
                    </Text>
                  </Text>
                  {c.done && (
                    <Text size="xs" c="dimmed">
                      {t('checklist.doneBy', { evidence: c.evidence ?? '', name: c.doneBy?.name ?? t('checklist.someone'), date: formatDateTime(c.doneAt) })}
                    </Text>
                  )}
                </Stack>
              </Group>
              {canManage &&
                (c.done ? (
                  <Button
                    size="compact-xs"
                    variant="subtle"
                    color="gray"
                    style={{ flexShrink: 0 }}
                    loading={untick.isPending && untick.variables?.id === c.id}
                    onClick={() =>
                      untick.mutate(
                        { id: c.id, version: c.version, evidence: null },
                        { onError: (e) => notifications.show({ color: 'red', title: t('checklist.notChanged'), message: errorMessage(e) }) },
                      )
                    }
                    aria-label={t('checklist.untickAria', { title: c.title })}
                  >
                    {t('checklist.untick')}
                  </Button>
                ) : (
                  <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} onClick={() => onTick(c)} aria-label={t('checklist.tickAria', { title: c.title })}>
                    {t('checklist.tick')}
                  </Button>
                ))}
            </Group>
          ))}
        </Stack>
      )}
    </Stack>
  );
}

/** Where we stand in one programme: held level, vendor review, gaps to keep it and to reach the next, forecast, every level's progress. */
export function ProgramStanding({
  program,
  canManage,
  showName = true,
  headingOrder = 3,
}: {
  program: ProgramDetail;
  canManage: boolean;
  showName?: boolean;
  headingOrder?: 2 | 3 | 4;
}) {
  const { t } = useTranslation('programs');
  const [ticking, setTicking] = useState<ChecklistItem | null>(null);
  const held = program.held;
  const next = program.next;
  const certs = programCertifications(program);
  // The gaps in the chosen language, worded from the levels' own results (the server's are English).
  const gapsOf = (level: { level: { id: string }; gaps: string[] }) => {
    const l = program.levels.find((x) => x.id === level.level.id);
    return l ? levelGaps(l, certs) : level.gaps;
  };
  const heldGaps = held ? gapsOf(held) : [];
  const open = [held?.level.id, next?.level.id].filter((x): x is string => !!x);
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-label={program.name}>
      <Stack gap="sm">
        <Group justify="space-between" gap="xs" align="flex-start">
          <Stack gap={2}>
            {showName && (
              <Title order={headingOrder} size="h4">
                <Anchor component={Link} to={`/programs/${program.id}`} inherit>
                  {program.name}
                </Anchor>
              </Title>
            )}
            <Text size="sm" c="dimmed">
              {held
                ? program.heldSince
                  ? t('standing.heldSince', { level: held.level.name, date: formatDay(program.heldSince) })
                  : t('standing.held', { level: held.level.name })
                : t('standing.heldNone')}
              {program.nextReviewOn
                ? ` · ${t('standing.review', { date: formatDay(program.nextReviewOn), left: daysLeft(daysFrom(program.evaluatedOn, program.nextReviewOn)) })}`
                : ''}
            </Text>
          </Stack>
          <StandingBadge held={held ? { name: held.level.name, met: held.met } : null} />
        </Group>
        {held && heldGaps.length > 0 && <Gaps title={t('standing.toKeep', { level: held.level.name })} gaps={heldGaps} />}
        <Forecast program={program} />
        {next &&
          (next.met ? (
            <Text size="sm">
              <Text span fw={600}>
                {held ? t('standing.nextLevel', { level: next.level.name }) : t('standing.firstLevel', { level: next.level.name })}
              </Text>{' '}
              {t('standing.metToday')}
            </Text>
          ) : (
            <Gaps title={held ? t('standing.toReachNext', { level: next.level.name }) : t('standing.toReachFirst', { level: next.level.name })} gaps={gapsOf(next)} />
          ))}
        {program.levels.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('standing.noLevels')}{' '}
            <Anchor component={Link} to={`/programs/${program.id}`} size="sm">
              {t('standing.defineLadder')}
            </Anchor>
          </Text>
        ) : (
          <Accordion multiple defaultValue={open} variant="separated" chevronPosition="left">
            {program.levels.map((l) => (
              <Accordion.Item key={l.id} value={l.id}>
                <Accordion.Control>
                  <Group gap="xs">
                    <Text size="sm" fw={600}>
                      {l.rank}. {l.name}
                    </Text>
                    <Badge size="sm" variant="light" color={l.evaluation.met ? 'teal' : 'gray'}>
                      {l.evaluation.met ? t('standing.met') : t('standing.notMet')}
                    </Badge>
                    {l.id === held?.level.id && (
                      <Badge size="sm" variant="outline">
                        {t('standing.heldBadge')}
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <LevelDetails level={l} certs={certs} canManage={canManage && !program.archivedAt} onTick={setTicking} />
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
        )}
      </Stack>
      <TickModal item={ticking} onClose={() => setTicking(null)} />
    </Card>
  );
}
