import { useQuery } from '@tanstack/react-query';
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DocumentItem } from '../../../shared/schemas/document.js';
import { ErrorState } from '../../components/states.js';
import type { PartnerTabProps } from '../partners/tabs.js';
import { DocumentsPanel } from './DocumentsPanel.js';
import { DocumentsTable } from './DocumentsTable.js';
import { partnerDocumentsQuery } from './queries.js';

const GROUP_ORDER = { contract: 0, risk_assessment: 1, partner: 2, user_certification: 3 } as const;

/** Documents of other records of the partner, one group per record, contracts first. */
function groupBySubject(items: DocumentItem[]) {
  const groups = new Map<string, { label: string; order: number; items: DocumentItem[] }>();
  for (const d of items) {
    const key = `${d.subjectType}:${d.subjectId}`;
    const g = groups.get(key) ?? { label: d.subjectLabel, order: GROUP_ORDER[d.subjectType], items: [] };
    g.items.push(d);
    groups.set(key, g);
  }
  return [...groups.entries()].sort(([, a], [, b]) => a.order - b.order || a.label.localeCompare(b.label));
}

/** Every file of the partner: its own (with upload) and those of its contracts and risk assessments. */
export function DocumentsTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('documents');
  const all = useQuery(partnerDocumentsQuery(partner.id));
  const others = (all.data?.items ?? []).filter((d) => d.subjectType !== 'partner');

  return (
    <Stack gap="xl">
      <DocumentsPanel subjectType="partner" subjectId={partner.id} title={t('tab.title', { name: partner.name })} />
      {all.isError ? (
        <ErrorState error={all.error} onRetry={() => void all.refetch()} />
      ) : (
        groupBySubject(others).map(([key, g]) => (
          <section key={key} aria-label={g.label}>
            <Title order={2} size="h4" mb={4}>
              {g.label}
            </Title>
            <Text size="sm" c="dimmed" mb="xs">
              {t('tab.otherHint')}
            </Text>
            <DocumentsTable items={g.items} maxBytes={all.data!.maxBytes} caption={t('tab.caption', { label: g.label })} />
          </section>
        ))
      )}
    </Stack>
  );
}
