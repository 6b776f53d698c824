import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPlus, IconStairsUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorMessage } from '../../api.js';
import { useMe } from '../../components/session.js';
import { EmptyState, ErrorState, LoadingState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { ProgramFormModal } from './ProgramFormModal.js';
import { ProgramStanding } from './ProgramStanding.js';
import { partnerProgramsQuery, programsQuery, useSaveProgram } from './queries.js';

function LinkProgramModal({ opened, partner, onClose }: { opened: boolean; partner: { id: string; name: string }; onClose: () => void }) {
  const { t } = useTranslation(['programs', 'common']);
  const programs = useQuery({ ...programsQuery(), enabled: opened });
  const save = useSaveProgram();
  const [picked, setPicked] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const options = (programs.data ?? [])
    .filter((p) => p.partner?.id !== partner.id)
    .map((p) => ({ value: p.id, label: p.partner ? t('linkModal.optionLinked', { program: p.name, partner: p.partner.name }) : p.name }));
  const submit = async () => {
    const p = programs.data?.find((x) => x.id === picked);
    if (!p) return setError(t('linkModal.choose'));
    try {
      await save.mutateAsync({ id: p.id, body: { partnerId: partner.id, version: p.version } });
      notifications.show({ color: 'teal', message: t('linkModal.linked', { program: p.name, partner: partner.name }) });
      setPicked(null);
      onClose();
    } catch (e) {
      setError(errorMessage(e));
    }
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('linkModal.title', { name: partner.name })}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
        noValidate
      >
        <Stack gap="md">
          <Select
            label={t('linkModal.program')}
            description={t('linkModal.hint')}
            placeholder={programs.isPending ? t('common:state.loading') : t('linkModal.choose')}
            data={options}
            searchable
            value={picked}
            onChange={(v) => {
              setPicked(v);
              setError(null);
            }}
            error={error}
            nothingFoundMessage={t('linkModal.noOther')}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('linkModal.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The partner's programmes: our level, whether we meet it, what is missing, when expiries put it at risk. */
export function ProgramsTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('programs');
  const me = useMe();
  const canManage = me.can.managePrograms;
  const programs = useQuery(partnerProgramsQuery(partner.id));
  const [linking, setLinking] = useState(false);
  const [creating, setCreating] = useState(false);
  const items = programs.data ?? [];
  const target = { id: partner.id, name: partner.name };

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-end" gap="sm">
        <Text size="sm" c="dimmed" style={{ flex: '1 1 20rem' }}>
          {t('tab.intro', { name: partner.name })}
        </Text>
        {canManage && (
          <Group gap="sm">
            <Button variant="default" leftSection={<IconLink size={16} aria-hidden />} onClick={() => setLinking(true)}>
              {t('tab.link')}
            </Button>
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setCreating(true)}>
              {t('list.new')}
            </Button>
          </Group>
        )}
      </Group>
      {programs.isPending ? (
        <LoadingState label={t('list.loading')} />
      ) : programs.isError && !programs.data ? (
        <ErrorState error={programs.error} onRetry={() => void programs.refetch()} />
      ) : items.length === 0 ? (
        <EmptyState
          icon={<IconStairsUp size={24} aria-hidden />}
          title={t('tab.emptyTitle')}
          description={canManage ? t('tab.emptyWriter', { name: partner.name }) : t('tab.emptyReader')}
        />
      ) : (
        items.map((p) => <ProgramStanding key={p.id} program={p} canManage={canManage} />)
      )}
      <LinkProgramModal opened={linking} partner={target} onClose={() => setLinking(false)} />
      <ProgramFormModal opened={creating} program={null} partner={target} onClose={() => setCreating(false)} />
    </Stack>
  );
}
