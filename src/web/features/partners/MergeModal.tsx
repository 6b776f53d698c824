import { useEffect, useState } from 'react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArrowMerge, IconInfoCircle } from '@tabler/icons-react';
import type { Partner, PartnerSummary } from '../../../shared/schemas/partner.js';
import { plural } from '../../lib/format.js';
import { WriteErrorAlert } from './ConflictAlert.js';
import { RELATION_LABELS } from './labels.js';
import { PartnerSelect } from './pickers.js';
import { partnerFootprintQuery, partnerKeys, partnerQuery, useMergePartner } from './queries.js';

/** What moving the duplicate's records over means, in numbers and names. */
function WhatMoves({ survivor, duplicate }: { survivor: Partner; duplicate: PartnerSummary }) {
  const detail = useQuery(partnerQuery(duplicate.id));
  const footprint = useQuery(partnerFootprintQuery(duplicate.id));
  if (detail.isPending || footprint.isPending) {
    return (
      <Group gap="xs" role="status">
        <Loader size="xs" aria-hidden />
        <Text size="sm" c="dimmed">
          Counting what {duplicate.name} holds…
        </Text>
      </Group>
    );
  }
  if (detail.isError || footprint.isError) return <Alert color="red">What {duplicate.name} holds could not be loaded; the merge still moves all of it.</Alert>;
  const d = detail.data;
  const f = footprint.data;
  const links = d.related.filter((r) => r.partner.id !== survivor.id);
  const emptyHere = (['legalName', 'website', 'country', 'description', 'strategy', 'valueWeBring', 'valueTheyBring', 'pricingNotes'] as const).filter((k) => !survivor[k] && d[k]);
  return (
    <Stack gap="xs">
      <Text size="sm" fw={600}>
        Moves from {duplicate.name} to {survivor.name}:
      </Text>
      <List size="sm" spacing={4}>
        <List.Item>{plural(f.contacts, 'contact')} (with those who left)</List.Item>
        <List.Item>{plural(f.activities, 'timeline entry', 'timeline entries')}</List.Item>
        <List.Item>{plural(f.team, 'team role')} of our colleagues</List.Item>
        <List.Item>{d.products.length ? `Products: ${d.products.map((p) => p.name).join(', ')}` : 'No products'}</List.Item>
        <List.Item>
          {links.length ? `Links: ${links.map((l) => `${RELATION_LABELS[l.kind][l.direction].toLowerCase()} ${l.partner.name}`).join(', ')}` : 'No links to other partners'}
        </List.Item>
        <List.Item>Its meetings, tasks, onboardings, risk assessments, contracts, documents, programmes and calendar feeds</List.Item>
        <List.Item>Its status history</List.Item>
      </List>
      <Text size="sm">
        Where both have one, {survivor.name}’s stays: its onboarding in progress goes on (the other is cancelled), its current risk assessment stays current (the other is
        superseded), and a second draft assessment is folded into its draft.
      </Text>
      <Text size="sm">
        Types, tags, regions, industries and directions are combined.
        {emptyHere.length ? ` ${plural(emptyHere.length, 'field')} empty here ${emptyHere.length === 1 ? 'is' : 'are'} filled from ${duplicate.name}.` : ''} Then {duplicate.name}{' '}
        is archived and points here for good (it cannot be restored); its history stays.
      </Text>
    </Stack>
  );
}

/** Merges a duplicate into this partner, after showing what moves. */
export function MergeModal({ partner, opened, onClose }: { partner: Partner; opened: boolean; onClose: () => void }) {
  const merge = useMergePartner();
  const qc = useQueryClient();
  const [duplicate, setDuplicate] = useState<PartnerSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setDuplicate(null);
      setPickError(null);
      merge.reset();
    }
  }, [opened]);

  const confirm = () => {
    if (!duplicate) return setPickError('Pick the duplicate');
    merge.mutate(
      { survivor: partner, duplicateId: duplicate.id },
      {
        onSuccess: (p) => {
          notifications.show({ color: 'teal', title: 'Partners merged', message: `Everything of ${duplicate.name} is now with ${p.name}; ${duplicate.name} is archived.` });
          onClose();
        },
      },
    );
  };

  return (
    <Modal opened={opened} onClose={onClose} title={`Merge a duplicate into ${partner.name}`} size="lg">
      <Stack gap="md">
        <Alert variant="light" color="indigo" icon={<IconInfoCircle aria-hidden />}>
          {partner.name} stays. Pick the duplicate record of the same company: its people, timeline and everything else move here.
        </Alert>
        <PartnerSelect
          label="Duplicate"
          placeholder="Type its name"
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
            Cancel
          </Button>
          <Button color="red" leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={confirm} loading={merge.isPending} disabled={!duplicate}>
            {duplicate ? `Merge ${duplicate.name} into ${partner.name}` : 'Merge'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
