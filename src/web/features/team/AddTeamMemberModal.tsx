import { useEffect, useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { TeamRole } from '../../../shared/partners.js';
import { addTeamMemberBody } from '../../../shared/schemas/team.js';
import { FormError, useSchemaForm } from '../../components/useSchemaForm.js';
import { colleaguesQuery, useAddTeamMember } from './queries.js';
import { TEAM_ROLE_DESCRIPTIONS, TEAM_ROLE_OPTIONS, teamRoleInSentence } from './labels.js';

const initialValues = { userId: '', role: 'sales' as TeamRole };

/** Puts a colleague on the partner's team in one role. */
export function AddTeamMemberModal({
  partnerId,
  partnerName,
  opened,
  onClose,
  defaultRole,
}: {
  partnerId: string;
  partnerName: string;
  opened: boolean;
  onClose: () => void;
  defaultRole?: TeamRole;
}) {
  const { t } = useTranslation(['team', 'common']);
  const add = useAddTeamMember(partnerId);
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const form = useSchemaForm(addTeamMemberBody, initialValues, { labels: { userId: t('add.colleague'), role: t('add.roleField') } });
  const colleagues = useQuery({ ...colleaguesQuery({ page: 1, pageSize: 100, sort: 'name', q: debounced || undefined }), enabled: opened });
  const options = (colleagues.data?.items ?? []).map((c) => ({ value: c.id, label: c.name, email: c.email }));
  const emails = new Map(options.map((o) => [o.value, o.email]));

  // Opening from a role's card preselects that role.
  useEffect(() => {
    if (opened) form.reset({ ...initialValues, role: defaultRole ?? initialValues.role });
    // Only when the dialog opens: a re-render must not wipe the choice.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened, defaultRole]);

  const close = () => {
    onClose();
    setTimeout(() => {
      setSearch('');
      add.reset();
    }, 200);
  };

  const submit = form.submit(async (body) => {
    const a = await add.mutateAsync(body);
    notifications.show({ color: 'teal', message: t('add.added', { name: a.user.name, partner: partnerName, role: teamRoleInSentence(a.role) }) });
    close();
  });

  return (
    <Modal opened={opened} onClose={close} title={t('add.title', { partner: partnerName })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <FormError form={form} />
          <Select
            label={t('add.colleague')}
            required
            searchable
            data-autofocus
            placeholder={t('add.colleaguePlaceholder')}
            data={options}
            searchValue={search}
            onSearchChange={setSearch}
            // The server already searched by name and e-mail.
            filter={({ options: o }) => o}
            nothingFoundMessage={colleagues.isFetching ? t('add.searching') : t('add.noMatch')}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {emails.get(option.value)}
                </Text>
              </Stack>
            )}
            {...form.getInputProps('userId')}
            onChange={(v) => form.setFieldValue('userId', v ?? '')}
            value={form.values.userId || null}
          />
          <Select
            label={t('add.role')}
            required
            allowDeselect={false}
            data={TEAM_ROLE_OPTIONS}
            description={TEAM_ROLE_DESCRIPTIONS[form.values.role]}
            renderOption={({ option }) => (
              <Stack gap={0}>
                <Text size="sm">{option.label}</Text>
                <Text size="xs" c="dimmed">
                  {TEAM_ROLE_DESCRIPTIONS[option.value as TeamRole]}
                </Text>
              </Stack>
            )}
            {...form.getInputProps('role')}
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={close}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending}>
              {t('add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
