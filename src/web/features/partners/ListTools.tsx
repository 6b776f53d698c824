import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Alert, Button, Checkbox, Group, Menu, Modal, Popover, Stack, Text, TextInput, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBookmark, IconBookmarkPlus, IconCheck, IconColumns3, IconTrash } from '@tabler/icons-react';
import { errorMessage } from '../../api.js';
import { COLUMNS, DEFAULT_COLUMNS, type ColumnKey } from './listParams.js';
import { sameView, savedViewsQuery, useDeleteView, useSaveView, viewSearch, type SavedView } from './savedViews.js';

/** Which columns the table shows; the name always. */
export function ColumnChooser({ columns, onChange }: { columns: ColumnKey[]; onChange: (cols: ColumnKey[]) => void }) {
  const toggle = (key: ColumnKey, on: boolean) => {
    const set = new Set(on ? [...columns, key] : columns.filter((c) => c !== key));
    // Keep the table's order whatever the clicking order.
    onChange(COLUMNS.map((c) => c.key).filter((k) => set.has(k)));
  };
  return (
    <Popover position="bottom-end" shadow="md" withinPortal trapFocus>
      <Popover.Target>
        <Button variant="default" size="sm" leftSection={<IconColumns3 size={16} aria-hidden />} visibleFrom="sm">
          Columns
        </Button>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs" role="group" aria-label="Columns to show">
          <Text size="xs" c="dimmed">
            The name is always shown.
          </Text>
          {COLUMNS.map((c) => (
            <Checkbox key={c.key} label={c.label} checked={columns.includes(c.key)} onChange={(e) => toggle(c.key, e.currentTarget.checked)} />
          ))}
          <Button variant="subtle" size="xs" onClick={() => onChange(DEFAULT_COLUMNS)}>
            Reset to the default columns
          </Button>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Named filter, sort and column sets of the signed-in user. */
export function SavedViewsMenu({ current, onApply, canSave }: { current: URLSearchParams; onApply: (search: URLSearchParams) => void; canSave: boolean }) {
  const views = useQuery(savedViewsQuery());
  const save = useSaveView();
  const remove = useDeleteView();
  const [naming, setNaming] = useState(false);
  const [name, setName] = useState('');
  const [nameError, setNameError] = useState<string | null>(null);
  const [managing, setManaging] = useState(false);

  const active = views.data?.find((v) => sameView(viewSearch(v), current));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) return setNameError('Name the view');
    const query: Record<string, string> = {};
    for (const [k, v] of current.entries()) if (k !== 'page' && k !== 'cols' && v) query[k] = v;
    const columns = (current.get('cols') ?? '').split(',').filter(Boolean);
    save.mutate(
      { name: trimmed, query, columns },
      {
        onSuccess: (v) => {
          setNaming(false);
          notifications.show({ color: 'teal', message: `View “${v.name}” saved. Pick it from Views any time.` });
        },
      },
    );
  };

  const onDelete = (v: SavedView) =>
    remove.mutate(v, {
      onSuccess: () => notifications.show({ message: `View “${v.name}” deleted.` }),
      onError: (e) => notifications.show({ color: 'red', title: 'The view could not be deleted', message: errorMessage(e) }),
    });

  return (
    <>
      <Menu position="bottom-end" shadow="md" width={280} withinPortal closeOnItemClick>
        <Menu.Target>
          <Button variant="default" size="sm" leftSection={<IconBookmark size={16} aria-hidden />}>
            {active ? `View: ${active.name}` : 'Views'}
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>Your saved views</Menu.Label>
          {views.isPending && <Menu.Item disabled>Loading…</Menu.Item>}
          {views.isError && <Menu.Item disabled>Views could not be loaded</Menu.Item>}
          {views.data?.length === 0 && <Menu.Item disabled>None yet: filter and sort the list, then save it</Menu.Item>}
          {views.data?.map((v) => (
            <Menu.Item key={v.id} onClick={() => onApply(viewSearch(v))} leftSection={v.id === active?.id ? <IconCheck size={14} aria-hidden /> : <span style={{ width: 14 }} />}>
              {v.name}
              {v.id === active?.id && <span className="visually-hidden"> (shown now)</span>}
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
                Save current view…
              </Menu.Item>
            </>
          )}
          {Boolean(views.data?.length) && (
            <Menu.Item leftSection={<IconTrash size={16} aria-hidden />} onClick={() => setManaging(true)}>
              Delete views…
            </Menu.Item>
          )}
        </Menu.Dropdown>
      </Menu>

      <Modal opened={naming} onClose={() => setNaming(false)} title="Save this view" size="sm">
        <form onSubmit={submit} noValidate>
          <Stack gap="md">
            <Text size="sm" c="dimmed">
              Keeps the filters, the order and the columns shown now. Only you see your views.
            </Text>
            <TextInput
              label="Name"
              placeholder="e.g. Strategic vendors in Europe"
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
                Cancel
              </Button>
              <Button type="submit" loading={save.isPending}>
                Save view
              </Button>
            </Group>
          </Stack>
        </form>
      </Modal>

      <Modal opened={managing} onClose={() => setManaging(false)} title="Delete saved views" size="sm">
        <Stack gap="xs">
          {views.data?.length === 0 && (
            <Text size="sm" c="dimmed">
              No saved views left.
            </Text>
          )}
          {views.data?.map((v) => (
            <Group key={v.id} justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm" truncate>
                {v.name}
              </Text>
              <Tooltip label="Delete this view" withinPortal>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Delete view ${v.name}`}
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
              Done
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}
