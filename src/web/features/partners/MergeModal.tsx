import { useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconInfoCircle } from '@tabler/icons-react';
import type { Partner, PartnerSummary } from '../../../shared/schemas/partner.js';
import { WriteErrorAlert } from './ConflictAlert.js';
import { relationInSentence } from './labels.js';
import { PartnerSelect } from './pickers.js';
import { partnerFootprintQuery, partnerKeys, partnerQuery, useMergePartner } from './queries.js';

/** What moving the duplicate's records over means, in numbers and names. */
function WhatMoves({ survivor, duplicate }: { survivor: Partner; duplicate: PartnerSummary }) {
  const { t } = useTranslation(['partners', 'common']);
  const detail = useQuery(partnerQuery(duplicate.id));
  const footprint = useQuery(partnerFootprintQuery(duplicate.id));
  if (detail.isPending || footprint.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          {t('merge.counting', { name: duplicate.name })}
        </Text>
      </Group>
    );
  }
  if (detail.isError || footprint.isError) return <Alert color="red">{t('merge.countFailed', { name: duplicate.name })}</Alert>;
  const d = detail.data;
  const f = footprint.data;
  const links = d.related.filter((r) => r.partner.id !== survivor.id);
  const emptyHere = (['legalName', 'website', 'country', 'description', 'strategy', 'valueWeBring', 'valueTheyBring', 'pricingNotes'] as const).filter((k) => !survivor[k] && d[k]);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        {t('merge.moves', { duplicate: duplicate.name, name: survivor.name })}
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>{t('merge.contacts', { count: f.contacts })}</List.Item>
        <List.Item>{t('merge.activities', { count: f.activities })}</List.Item>
        <List.Item>{t('merge.team', { count: f.team })}</List.Item>
        <List.Item>{d.products.length ? t('merge.products', { names: d.products.map((p) => p.name).join(', ') }) : t('merge.noProducts')}</List.Item>
        <List.Item>
          {links.length ? t('merge.links', { links: links.map((l) => `${relationInSentence(l.kind, l.direction)} ${l.partner.name}`).join(', ') }) : t('merge.noLinks')}
        </List.Item>
        <List.Item>{t('merge.rest')}</List.Item>
        <List.Item>{t('merge.statusHistory')}</List.Item>
      </List>
      <Text size="sm">{t('merge.whoseStays', { name: survivor.name })}</Text>
      <Text size="sm">
        {t('merge.combined')}
        {emptyHere.length ? ` ${t('merge.filled', { count: emptyHere.length, duplicate: duplicate.name })}` : ''} {t('merge.then', { duplicate: duplicate.name })}
      </Text>
    </Stack>
  );
}

/** Merges a duplicate into this partner, after showing what moves. */
export function MergeModal({ partner, opened, onClose }: { partner: Partner; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['partners', 'common']);
  return (
    <Modal opened={opened} onClose={onClose} title={t('merge.title', { name: partner.name })} size="lg">
      {opened && <MergeModalBody partner={partner} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open, so each opening starts with no duplicate picked. */
function MergeModalBody({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation(['partners', 'common']);
  const merge = useMergePartner();
  const qc = useQueryClient();
  const [duplicate, setDuplicate] = useState<PartnerSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const confirm = () => {
    if (!duplicate) return setPickError(t('merge.pickMissing'));
    merge.mutate(
      { survivor: partner, duplicateId: duplicate.id },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', title: t('merge.merged'), message: t('merge.mergedText', { duplicate: duplicate.name, name: p.name }) });
          onClose();
        },
      },
    );
  };

  return (
    <Stack gap="md">
      <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />}>
        {t('merge.intro', { name: partner.name })}
      </Alert>
      <PartnerSelect
        label={t('merge.duplicate')}
        placeholder={t('merge.placeholder')}
        required
        exclude={[partner.id]}
        value={duplicate}
        onPick={(p) => {
          setDuplicate(p);
          setPickError(null);
          merge.reset();
        }}
        error={pickError}
        data-autofocus
      />
      {duplicate && <WhatMoves survivor={partner} duplicate={duplicate} />}
      <WriteErrorAlert
        error={merge.error}
        onReload={() => {
          merge.reset();
          void qc.invalidateQueries({ queryKey: partnerKeys.detail(partner.id) });
        }}
      />
      <Group justify="flex-end" gap="sm">
        <Button variant="default" onClick={onClose} disabled={merge.isPending}>
          {t('common:action.cancel')}
        </Button>
        <Button color="red" leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={confirm} loading={merge.isPending} disabled={!duplicate}>
          {duplicate ? t('merge.submitNamed', { duplicate: duplicate.name, name: partner.name }) : t('merge.submit')}
        </Button>
      </Group>
    </Stack>
  );
}
