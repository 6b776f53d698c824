import { useState } from 'react';
import { Accordion, Alert, Anchor, Badge, Button, Card, Group, List, Modal, Progress, Stack, Text, Textarea, ThemeIcon, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconCircleCheck, IconCircleDashed, IconX } from '@tabler/icons-react';
import { Link } from 'react-router';
import type { ChecklistItem, ProgramDetail, ProgramLevel } from '../../../shared/schemas/programs.js';
import { errorMessage } from '../../api.js';
import { formatDateTime } from '../../lib/format.js';
import { formatDay } from '../onboarding/format.js';
import { useTickChecklistItem } from './queries.js';

const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
const daysLeft = (n: number) => (n === 0 ? 'today' : n > 0 ? `${n} ${n === 1 ? 'day' : 'days'} left` : `${-n} ${n === -1 ? 'day' : 'days'} ago`);
const unit = (counts: 'people' | 'certifications', n: number) => (counts === 'people' ? (n === 1 ? 'person' : 'people') : n === 1 ? 'certification' : 'certifications');

/** "Meets Select today" / "Below Select" / "No level held". */
export function StandingBadge({ held }: { held: { name: string; met: boolean } | null }) {
  if (!held)
    return (
      <Badge color="gray" variant="light">
        No level held
      </Badge>
    );
  return held.met ? (
    <Badge color="teal" variant="light" leftSection={<IconCheck size={12} aria-hidden />}>
      Meets {held.name} today
    </Badge>
  ) : (
    <Badge color="red" variant="light" leftSection={<IconX size={12} aria-hidden />}>
      Below {held.name}
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
  const held = program.held;
  if (!held || !held.met) return null;
  const f = held.forecast;
  if (!f) {
    return (
      <Text size="sm" c="dimmed" data-testid="forecast">
        No expiry puts {held.level.name} at risk.
      </Text>
    );
  }
  const causes = f.causes.map((c) => `${c.userName}’s ${c.certificationName} expires ${formatDay(c.expiresOn)}`).join('; ');
  return (
    <Alert color="yellow" variant="light" icon={<IconAlertTriangle aria-hidden />} title={`At risk from ${formatDay(f.date)}`} data-testid="forecast">
      On {formatDay(f.date)} we fall below {held.level.name}
      {causes ? `: ${causes}.` : '.'} {daysLeft(daysFrom(program.evaluatedOn, f.date))}.
    </Alert>
  );
}

function TickModal({ item, onClose }: { item: ChecklistItem | null; onClose: () => void }) {
  const tick = useTickChecklistItem();
  const [evidence, setEvidence] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async () => {
    if (!item) return;
    if (!evidence.trim()) return setError('Evidence is required: say what shows it is done (a note or a link)');
    try {
      await tick.mutateAsync({ id: item.id, version: item.version, evidence: evidence.trim() });
      notifications.show({ color: 'teal', message: `${item.title} is ticked.` });
      setEvidence('');
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened={!!item} onClose={onClose} title={item ? `Mark “${item.title}” done` : ''}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Textarea
            label="Evidence"
            description="What shows it is done: a note, a link to the partner portal, a document’s name."
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
              Cancel
            </Button>
            <Button type="submit" loading={tick.isPending}>
              Mark done
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

function LevelDetails({ level, canManage, onTick }: { level: ProgramLevel; canManage: boolean; onTick: (item: ChecklistItem) => void }) {
  const untick = useTickChecklistItem();
  const results = new Map(level.evaluation.requirements.flatMap((r) => [[r.id, r] as const, ...r.children.map((c) => [c.id, c] as const)]));
  const rows = level.requirements.flatMap((r) => [{ r, child: false }, ...r.children.map((c) => ({ r: { ...c, children: [] }, child: true }))]);
  if (!rows.length && !level.checklist.length)
    return (
      <Text size="sm" c="dimmed">
        This level has no requirements yet.
      </Text>
    );
  return (
    <Stack gap="sm">
      {rows.map(({ r, child }) => {
        const res = results.get(r.id);
        const count = res?.count ?? 0;
        return (
          <Stack key={r.id} gap={2} pl={child ? 'lg' : 0}>
            <Group justify="space-between" gap="xs" wrap="nowrap">
              <Text size="sm">{r.sentence}</Text>
              <Text size="sm" fw={600} c={res?.met ? 'teal.9' : 'red.9'} style={{ whiteSpace: 'nowrap' }}>
                {count} / {r.minCount} {unit(r.counts, r.minCount)}
              </Text>
            </Group>
            <Progress value={Math.min(100, (count / r.minCount) * 100)} color={res?.met ? 'teal' : 'red'} size="sm" aria-label={`${r.sentence}: ${count} of ${r.minCount}`} />
          </Stack>
        );
      })}
      {level.checklist.length > 0 && (
        <Stack gap={6}>
          <Text size="sm" fw={600}>
            Checklist
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
                      {c.done ? ' — done' : ' — not done'}
                    </Text>
                  </Text>
                  {c.done && (
                    <Text size="xs" c="dimmed">
                      {c.evidence} · {c.doneBy?.name ?? 'someone'}, {formatDateTime(c.doneAt)}
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
                        { onError: (e) => notifications.show({ color: 'red', title: 'Not changed', message: errorMessage(e) }) },
                      )
                    }
                    aria-label={`Untick ${c.title}`}
                  >
                    Untick
                  </Button>
                ) : (
                  <Button size="compact-xs" variant="light" style={{ flexShrink: 0 }} onClick={() => onTick(c)} aria-label={`Tick ${c.title}`}>
                    Tick
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
  const [ticking, setTicking] = useState<ChecklistItem | null>(null);
  const held = program.held;
  const next = program.next;
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
              {held ? `We hold ${held.level.name}${program.heldSince ? ` since ${formatDay(program.heldSince)}` : ''}` : 'We hold no level in this programme yet'}
              {program.nextReviewOn ? ` · vendor review ${formatDay(program.nextReviewOn)} (${daysLeft(daysFrom(program.evaluatedOn, program.nextReviewOn))})` : ''}
            </Text>
          </Stack>
          <StandingBadge held={held ? { name: held.level.name, met: held.met } : null} />
        </Group>
        {held && held.gaps.length > 0 && <Gaps title={`To keep ${held.level.name}`} gaps={held.gaps} />}
        <Forecast program={program} />
        {next &&
          (next.met ? (
            <Text size="sm">
              <Text span fw={600}>
                {held ? 'Next level' : 'First level'}: {next.level.name}
              </Text>{' '}
              — we meet it today.
            </Text>
          ) : (
            <Gaps title={held ? `To reach ${next.level.name} (next level)` : `To reach ${next.level.name} (first level)`} gaps={next.gaps} />
          ))}
        {program.levels.length === 0 ? (
          <Text size="sm" c="dimmed">
            No levels defined yet.{' '}
            <Anchor component={Link} to={`/programs/${program.id}`} size="sm">
              Define the ladder
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
                      {l.evaluation.met ? 'met' : 'not met'}
                    </Badge>
                    {l.id === held?.level.id && (
                      <Badge size="sm" variant="outline">
                        held
                      </Badge>
                    )}
                  </Group>
                </Accordion.Control>
                <Accordion.Panel>
                  <LevelDetails level={l} canManage={canManage && !program.archivedAt} onTick={setTicking} />
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
