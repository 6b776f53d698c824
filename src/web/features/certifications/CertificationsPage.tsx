import { useState } from 'react';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Tabs } from '@mantine/core';
import { IconLayoutGrid, IconList, IconPlus } from '@tabler/icons-react';
import type { UserCertification } from '../../../shared/schemas/certification.js';
import { PageHeader } from '../../components/PageHeader.js';
import { useMe } from '../../components/session.js';
import { HoldingFormModal, type HoldingFormTarget } from './HoldingFormModal.js';
import { HoldingsList } from './HoldingsList.js';
import { MatrixView } from './MatrixView.js';
import { catalogueQuery } from './queries.js';

/**
 * The team's certifications: the matrix (who holds what, what expires when) and the list of every
 * recorded certification and planned exam. Colleagues record their own; Partner Managers anyone's.
 */
export function CertificationsPage() {
  const { t } = useTranslation('certifications');
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const tab = search.get('tab') === 'list' ? 'list' : 'matrix';
  const programId = search.get('program');
  const [target, setTarget] = useState<HoldingFormTarget | null>(null);
  // Programmes that have a catalogue: the ones worth filtering by.
  const catalogue = useQuery(catalogueQuery());
  const programs = new Map((catalogue.data ?? []).map((c) => [c.program.id, c.program.name]));
  const programOptions = [...programs].map(([value, label]) => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  const setParam = (key: string, value: string | null) =>
    setSearch(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const mayRecord = me.can.recordCertifications;
  const record = mayRecord ? (
    <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setTarget({})}>
      {t('page.record')}
    </Button>
  ) : undefined;

  return (
    <>
      <PageHeader title={t('page.title')} description={t('page.description')} actions={record} />
      <Tabs value={tab} onChange={(v) => setParam('tab', v === 'list' ? 'list' : null)} keepMounted={false}>
        <Tabs.List mb="md">
          <Tabs.Tab value="matrix" leftSection={<IconLayoutGrid size={16} aria-hidden />}>
            {t('page.matrixTab')}
          </Tabs.Tab>
          <Tabs.Tab value="list" leftSection={<IconList size={16} aria-hidden />}>
            {t('page.listTab')}
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="matrix">
          <MatrixView programId={programId} onProgramChange={(id) => setParam('program', id)} programOptions={programOptions} action={record} />
        </Tabs.Panel>
        <Tabs.Panel value="list">
          <HoldingsList
            programId={programId}
            onProgramChange={(id) => setParam('program', id)}
            programOptions={programOptions}
            onEdit={(h: UserCertification) => setTarget({ holding: h })}
            action={record}
          />
        </Tabs.Panel>
      </Tabs>
      <HoldingFormModal target={target} onClose={() => setTarget(null)} />
    </>
  );
}
