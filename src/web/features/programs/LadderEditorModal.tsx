import { useState, type FormEvent } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Button, Card, Group, Modal, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Text, TextInput, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle, IconArrowDown, IconArrowUp, IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { CHECKLIST_MAX, CHILDREN_MAX, LEVELS_MAX, REQUIREMENTS_MAX, type ProgramDetail } from '../../../shared/schemas/programs.js';
import { ApiError, errorMessage, isApiError } from '../../api.js';
import { fieldMessage } from '../../components/useSchemaForm.js';
import { i18n } from '../../i18n.js';
import { categoryOptions, countsOptions, requirementSentence } from './format.js';
import { usePutLevels } from './queries.js';
import { catalogueQuery } from '../certifications/queries.js';

type Counts = 'people' | 'certifications';
interface ReqDraft {
  key: number;
  label: string;
  counts: Counts;
  minCount: number | string;
  categories: string[];
  certificationIds: string[];
  children: ReqDraft[];
}
interface LevelDraft {
  key: number;
  id?: string;
  name: string;
  requirements: ReqDraft[];
  checklist: { key: number; id?: string; title: string }[];
}

let nextKey = 1;
const blankReq = (): ReqDraft => ({ key: nextKey++, label: '', counts: 'people', minCount: 1, categories: [], certificationIds: [], children: [] });
const draftOf = (p: ProgramDetail): LevelDraft[] =>
  p.levels.map((l) => ({
    key: nextKey++,
    id: l.id,
    name: l.name,
    requirements: l.requirements.map((r) => ({
      key: nextKey++,
      label: r.label ?? '',
      counts: r.counts,
      minCount: r.minCount,
      categories: r.categories,
      certificationIds: r.certificationIds,
      children: r.children.map((c) => ({
        key: nextKey++,
        label: c.label ?? '',
        counts: c.counts,
        minCount: c.minCount,
        categories: c.categories,
        certificationIds: c.certificationIds,
        children: [],
      })),
    })),
    checklist: l.checklist.map((c) => ({ key: nextKey++, id: c.id, title: c.title })),
  }));

const labels = (): Record<string, string> => ({
  name: i18n.t('programs:ladder.field.name'),
  minCount: i18n.t('programs:ladder.field.minCount'),
  counts: i18n.t('programs:ladder.field.counts'),
  categories: i18n.t('programs:ladder.field.categories'),
  certificationIds: i18n.t('programs:ladder.field.certificationIds'),
  label: i18n.t('programs:ladder.field.label'),
  title: i18n.t('programs:ladder.field.title'),
});

function move<T>(list: T[], i: number, by: -1 | 1): T[] {
  const out = [...list];
  const [x] = out.splice(i, 1);
  out.splice(i + by, 0, x!);
  return out;
}

/** Edits the whole ladder of a programme: levels in rank order, their requirements (as sentences) and checklist items. */
export function LadderEditorModal({ opened, program, onClose }: { opened: boolean; program: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation(['programs', 'common']);
  return (
    <Modal opened={opened} onClose={onClose} title={t('ladder.title', { name: program.name })} size="xl">
      {opened && <LadderEditorModalBody key={`${program.id}-${program.version}`} program={program} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open (and again for another version), so it starts from the ladder as stored. */
function LadderEditorModalBody({ program, onClose }: { program: ProgramDetail; onClose: () => void }) {
  const { t } = useTranslation(['programs', 'common']);
  const put = usePutLevels();
  const [levels, setLevels] = useState<LevelDraft[]>(() => draftOf(program));
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [formError, setFormError] = useState<string | null>(null);
  // A requirement may name any programme's certification: a holding counts for every programme naming it.
  const catalogue = useQuery(catalogueQuery());
  const others = new Map(program.namedCertifications.map((c) => [c.id, { ...c, programName: c.program.name }]));
  for (const c of catalogue.data ?? []) if (c.program.id !== program.id && !others.has(c.id)) others.set(c.id, { ...c, programName: c.program.name });
  const certs = new Map([...program.certifications, ...others.values()].map((c) => [c.id, c]));
  const option = (c: { id: string; name: string; examCode: string | null }) => ({ value: c.id, label: c.examCode ? `${c.name} (${c.examCode})` : c.name });
  const otherGroups = new Map<string, { id: string; name: string; examCode: string | null }[]>();
  for (const c of others.values()) otherGroups.set(c.programName, [...(otherGroups.get(c.programName) ?? []), c]);
  const certOptions = [
    { group: program.name, items: program.certifications.map(option) },
    ...[...otherGroups].sort(([a], [b]) => a.localeCompare(b)).map(([group, list]) => ({ group, items: list.map(option) })),
  ].filter((g) => g.items.length);
  const setLevel = (i: number, patch: Partial<LevelDraft>) => setLevels((ls) => ls.map((l, j) => (j === i ? { ...l, ...patch } : l)));
  const setReq = (i: number, path: number[], patch: Partial<ReqDraft>) =>
    setLevels((ls) =>
      ls.map((l, j) => {
        if (j !== i) return l;
        const [r, c] = path as [number, number | undefined];
        return {
          ...l,
          requirements: l.requirements.map((req, k) =>
            k !== r ? req : c === undefined ? { ...req, ...patch } : { ...req, children: req.children.map((ch, m) => (m === c ? { ...ch, ...patch } : ch)) },
          ),
        };
      }),
    );
  const err = (path: string) => errors[path];

  const body = () => ({
    version: program.version,
    levels: levels.map((l) => ({
      ...(l.id ? { id: l.id } : {}),
      name: l.name,
      requirements: l.requirements.map((r) => ({
        label: r.label.trim() || null,
        counts: r.counts,
        minCount: typeof r.minCount === 'number' ? r.minCount : Number.NaN,
        categories: r.categories,
        certificationIds: r.certificationIds,
        children: r.children.map((c) => ({
          label: c.label.trim() || null,
          counts: c.counts,
          minCount: typeof c.minCount === 'number' ? c.minCount : Number.NaN,
          categories: c.categories,
          certificationIds: c.certificationIds,
        })),
      })),
      checklist: l.checklist.map((c) => ({ ...(c.id ? { id: c.id } : {}), title: c.title })),
    })),
  });

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFormError(null);
    setErrors({});
    try {
      await put.mutateAsync({ id: program.id, body: body() as never });
      notifications.show({ color: 'teal', message: t('ladder.saved', { name: program.name }) });
      onClose();
    } catch (x) {
      if (isApiError(x, 409) && x.code === 'version_conflict') setFormError(t('conflict'));
      else if (x instanceof ApiError && x.problem.errors?.length) {
        setErrors(
          Object.fromEntries(
            x.problem.errors.map((p) => {
              const path = p.path.replace(/^body\./, '').replace(/\.\d+$/, (m) => (/certificationIds|categories/.test(p.path) ? '' : m));
              return [path, fieldMessage(labels()[path.split('.').at(-1) ?? ''], p.message)];
            }),
          ),
        );
        setFormError(t('ladder.fixBelow'));
      } else setFormError(errorMessage(x));
    }
  };

  const requirementFields = (i: number, path: number[], r: ReqDraft, child: boolean) => {
    const at = `levels.${i}.requirements.${path[0]}${child ? `.children.${path[1]}` : ''}`;
    const what = child ? t('ladder.whatChild', { n: path[1]! + 1 }) : t('ladder.whatRequirement', { n: path[0]! + 1 });
    return (
      <Stack gap="xs">
        <Text size="sm" fw={600}>
          {requirementSentence({ ...r, minCount: typeof r.minCount === 'number' ? r.minCount : 0 }, certs, child)}
        </Text>
        <SimpleGrid cols={{ base: 1, sm: 3 }} spacing="xs">
          <Select
            label={t('ladder.counts')}
            aria-label={t('ladder.countsAria', { what })}
            data={countsOptions()}
            value={r.counts}
            allowDeselect={false}
            onChange={(v) => v && setReq(i, path, { counts: v as Counts })}
            error={err(`${at}.counts`)}
          />
          <NumberInput
            label={t('ladder.atLeast')}
            aria-label={t('ladder.atLeastAria', { what })}
            min={1}
            max={10_000}
            allowDecimal={false}
            allowNegative={false}
            value={r.minCount}
            onChange={(v) => setReq(i, path, { minCount: v })}
            error={err(`${at}.minCount`)}
          />
          <TextInput
            label={t('ladder.wording')}
            aria-label={t('ladder.wordingAria', { what })}
            placeholder={t('ladder.wordingPlaceholder')}
            value={r.label}
            onChange={(e) => setReq(i, path, { label: e.currentTarget.value })}
            error={err(`${at}.label`)}
          />
        </SimpleGrid>
        <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="xs">
          <MultiSelect
            label={t('ladder.categories')}
            aria-label={t('ladder.categoriesAria', { what })}
            placeholder={r.categories.length ? undefined : t('ladder.anyCategory')}
            data={categoryOptions()}
            value={r.categories}
            onChange={(v) => setReq(i, path, { categories: v })}
            error={err(`${at}.categories`)}
            clearable
          />
          <MultiSelect
            label={t('ladder.certifications')}
            aria-label={t('ladder.certificationsAria', { what })}
            placeholder={r.certificationIds.length ? undefined : t('ladder.noneChosen')}
            data={certOptions}
            value={r.certificationIds}
            onChange={(v) => setReq(i, path, { certificationIds: v })}
            error={err(`${at}.certificationIds`)}
            searchable
            clearable
            nothingFoundMessage={t('ladder.noCertification')}
          />
        </SimpleGrid>
      </Stack>
    );
  };

  return (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack gap="md">
        {formError && (
          <Alert color="red" variant="light" icon={<IconAlertCircle aria-hidden />} role="alert">
            {formError}
          </Alert>
        )}
        <Text size="sm" c="dimmed">
          {t('ladder.intro')}
        </Text>
        {levels.map((l, i) => (
          <Card key={l.key} withBorder padding="sm" radius="md" role="group" aria-label={t('ladder.level', { n: i + 1 })}>
            <Stack gap="sm">
              <Group justify="space-between" wrap="nowrap" align="flex-end">
                <TextInput
                  label={t('ladder.levelName', { n: i + 1 })}
                  required
                  value={l.name}
                  onChange={(e) => setLevel(i, { name: e.currentTarget.value })}
                  error={err(`levels.${i}.name`)}
                  placeholder={t('ladder.levelPlaceholder')}
                  style={{ flex: 1 }}
                />
                <Group gap={4} wrap="nowrap">
                  <Tooltip label={t('ladder.moveUp')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('ladder.moveUpAria', { n: i + 1 })}
                      disabled={i === 0}
                      onClick={() => setLevels((ls) => move(ls, i, -1))}
                    >
                      <IconArrowUp size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('ladder.moveDown')}>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      aria-label={t('ladder.moveDownAria', { n: i + 1 })}
                      disabled={i === levels.length - 1}
                      onClick={() => setLevels((ls) => move(ls, i, 1))}
                    >
                      <IconArrowDown size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                  <Tooltip label={t('ladder.removeLevel')}>
                    <ActionIcon variant="subtle" color="red" aria-label={t('ladder.removeLevelAria', { n: i + 1 })} onClick={() => setLevels((ls) => ls.filter((_, j) => j !== i))}>
                      <IconTrash size={16} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                </Group>
              </Group>
              <Title order={3} size="h6">
                {t('ladder.requirements')}
              </Title>
              {l.requirements.map((r, k) => (
                <Card key={r.key} withBorder padding="xs" radius="sm" bg="var(--mantine-color-gray-0)">
                  {requirementFields(i, [k], r, false)}
                  {r.children.map((c, m) => (
                    <Card key={c.key} withBorder padding="xs" radius="sm" mt="xs" ml="lg">
                      {requirementFields(i, [k, m], c, true)}
                      <Group justify="flex-end" mt={4}>
                        <Button
                          size="compact-xs"
                          variant="subtle"
                          color="red"
                          onClick={() => setLevel(i, { requirements: l.requirements.map((x, n) => (n === k ? { ...x, children: x.children.filter((_, q) => q !== m) } : x)) })}
                        >
                          {t('ladder.removeCondition')}
                        </Button>
                      </Group>
                    </Card>
                  ))}
                  <Group justify="space-between" mt="xs">
                    <Button
                      size="compact-xs"
                      variant="light"
                      leftSection={<IconPlus size={12} aria-hidden />}
                      disabled={r.children.length >= CHILDREN_MAX}
                      onClick={() =>
                        setLevel(i, { requirements: l.requirements.map((x, n) => (n === k ? { ...x, children: [...x.children, { ...blankReq(), counts: x.counts }] } : x)) })
                      }
                    >
                      {t('ladder.addCondition')}
                    </Button>
                    <Button size="compact-xs" variant="subtle" color="red" onClick={() => setLevel(i, { requirements: l.requirements.filter((_, n) => n !== k) })}>
                      {t('ladder.removeRequirement')}
                    </Button>
                  </Group>
                </Card>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={l.requirements.length >= REQUIREMENTS_MAX}
                  onClick={() => setLevel(i, { requirements: [...l.requirements, blankReq()] })}
                >
                  {t('ladder.addRequirement')}
                </Button>
              </Group>
              <Title order={3} size="h6">
                {t('ladder.checklist')}
              </Title>
              {l.checklist.map((c, k) => (
                <Group key={c.key} gap="xs" wrap="nowrap" align="flex-start">
                  <TextInput
                    aria-label={t('ladder.checklistItemAria', { level: i + 1, n: k + 1 })}
                    placeholder={t('ladder.checklistPlaceholder')}
                    value={c.title}
                    onChange={(e) => setLevel(i, { checklist: l.checklist.map((x, n) => (n === k ? { ...x, title: e.currentTarget.value } : x)) })}
                    error={err(`levels.${i}.checklist.${k}.title`)}
                    style={{ flex: 1 }}
                  />
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    mt={6}
                    aria-label={t('ladder.removeItemAria', { n: k + 1, level: i + 1 })}
                    onClick={() => setLevel(i, { checklist: l.checklist.filter((_, n) => n !== k) })}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Group>
              ))}
              <Group>
                <Button
                  size="xs"
                  variant="light"
                  leftSection={<IconPlus size={14} aria-hidden />}
                  disabled={l.checklist.length >= CHECKLIST_MAX}
                  onClick={() => setLevel(i, { checklist: [...l.checklist, { key: nextKey++, title: '' }] })}
                >
                  {t('ladder.addItem')}
                </Button>
              </Group>
            </Stack>
          </Card>
        ))}
        <Group justify="space-between">
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            disabled={levels.length >= LEVELS_MAX}
            onClick={() => setLevels((ls) => [...ls, { key: nextKey++, name: '', requirements: [blankReq()], checklist: [] }])}
          >
            {t('ladder.addLevel')}
          </Button>
          <Group gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={put.isPending}>
              {t('ladder.save')}
            </Button>
          </Group>
        </Group>
      </Stack>
    </form>
  );
}
