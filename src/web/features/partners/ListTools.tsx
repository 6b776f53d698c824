import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Alert, Button, Checkbox, Group, Menu, Modal, Popover, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconBookmarkPlus, IconCheck, IconColumns3, IconTrash } from '@tabler/icons-react';
import { errorMessage } from '../../api.js';
import { COLUMNS, DEFAULT_COLUMNS, type ColumnKey } from './listParams.js';
import { sameView, savedViewsQuery, useDeleteView, useSaveView, viewSearch, type SavedView, type SavedViewResource } from './savedViews.js';

/** Which columns the table shows; the name always. */
export function ColumnChooser({ columns, onChange }: { columns: ColumnKey[]; onChange: (cols: ColumnKey[]) => void }) {
  const { t } = useTranslation(['partners', 'common']);
  const toggle = (key: ColumnKey, on: boolean) => {
    const set = new Set(on ? [...columns, key] : columns.filter((c) => c !== key));
    // Keep the table's order whatever the clicking order.
    onChange(COLUMNS.map((c) => c.key).filter((k) => set.has(k)));
  };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns3 size={16} aria-hidden />} visibleFrom="sm">
          {t('columns.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label={t('columns.group')}>
          <Text size="xs" c="dimmed">
            {t('columns.nameAlways')}
          </Text>
          {COLUMNS.map((c) => (
            <Checkbox key={c.key} label={c.label} checked={columns.includes(c.key)} onChange={(e) => toggle(c.key, e.currentTarget.checked)} />
          ))}
          <Button variant="subtle" size="xs" onClick={() => onChange(DEFAULT_COLUMNS)}>
            {t('columns.reset')}
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Named filter, sort and column sets of the signed-in user, of the partner list or another list (`resource`). */
export function SavedViewsMenu({
  current,
  onApply,
  canSave,
  resource = 'partners',
}: {
  current: URLSearchParams;
  onApply: (search: URLSearchParams) => void;
  canSave: boolean;
  resource?: SavedViewResource;
}) {
  const { t } = useTranslation(['partners', 'common']);
  const views = useQuery(savedViewsQuery(resource));
  const save = useSaveView(resource);
  const remove = useDeleteView(resource);
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);

  const active = views.data?.find((v) => sameView(viewSearch(v), current));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError(t('views.nameMissing'));
    const query: Record<string, string> = {};
    for (const [k, v] of current.entries()) if (k !== 'page' && k !== 'cols' && v) query[k] = v;
    const columns = (current.get('cols') ?? '').split(',').filter(Boolean);
    save.mutate(
      { name: trimmed, query, columns },
      {
        onSuccess: (v) => {
          setNaming(false);
          notifications.show({ color: 'teal', message: t('views.saved', { name: v.name }) });
        },
      },
    );
  };

  const onDelete = (v: SavedView) =>
    remove.mutate(v, {
      onSuccess: () => notifications.show({ message: t('views.deleted', { name: v.name }) }),
      onError: (e) => notifications.show({ color: 'red', title: t('views.deleteFailed'), message: errorMessage(e) }),
    });

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={280} withinPortal closeOnItemClick>
        <Menu.Target>
          <Button variant="default" size="sm" leftSection={<IconBookmark size={16} aria-hidden />}>
            {active ? t('views.buttonActive', { name: active.name }) : t('views.button')}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>{t('views.yours')}</Menu.Label>
          {views.isPending && <Menu.Item disabled>{t('views.loading')}</Menu.Item>}
          {views.isError && <Menu.Item disabled>{t('views.loadFailed')}</Menu.Item>}
          {views.data?.length === 0 && <Menu.Item disabled>{t('views.noneYet')}</Menu.Item>}
          {views.data?.map((v) => (
            <Menu.Item key={v.id} onClick={() => onApply(viewSearch(v))} leftSection={v.id === active?.id ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />}>
              {v.name}
              {v.id === active?.id && <span className="visually-hidden">{t('views.shownNow')}</span>}
            </Menu.Item>
          ))}
          {canSave && (
            <>
              <Menu.Divider />
              <Menu.Item
                leftSection={<IconBookmarkPlus size={16} aria-hidden />}
                onClick={() => {
                  save.reset();
                  setName('');
                  setNameError(null);
                  setNaming(true);
                }}
              >
                {t('views.saveCurrent')}
              </Menu.Item>
            </>
          )}
          {Boolean(views.data?.length) && (
            <Menu.Item leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setManaging(true)}>
              {t('views.deleteViews')}
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>

      <Modal opened={naming} onClose={() => setNaming(false)} title={t('views.saveTitle')} size="sm">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              {t('views.saveHint')}
            </Text>
            <TextInput
              label={t('views.name')}
              placeholder={t('views.namePlaceholder')}
              required
              data-autofocus
              maxLength={80}
              value={name}
              error={nameError}
              onChange={(e) => {
                setName(e.currentTarget.value);
                setNameError(null);
              }}
            />
            {save.isError && (
              <Alert color="red" variant="light" role="alert">
                {errorMessage(save.error)}
              </Alert>
            )}
            <Group justify="flex-end" gap="sm">
              <Button variant="default" onClick={() => setNaming(false)}>
                {t('common:action.cancel')}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t('views.save')}
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal opened={managing} onClose={() => setManaging(false)} title={t('views.deleteTitle')} size="sm">
        <Stack gap="xs">
          {views.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              {t('views.noneLeft')}
            </Text>
          )}
          {views.data?.map((v) => (
            <Group key={v.id} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" truncate>
                {v.name}
              </Text>
              <Tooltip label={t('views.deleteOne')} withinPortal>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={t('views.deleteNamed', { name: v.name })}
                  onClick={() => onDelete(v)}
                  loading={remove.isPending && remove.variables?.id === v.id}
                >
                  <IconTrash size={16} aria-hidden />
                </ActionIcon>
              </Tooltip>
            </Group>
          ))}
          <Group justify="flex-end" mt="sm">
            <Button variant="default" onClick={() => setManaging(false)}>
              {t('views.done')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
