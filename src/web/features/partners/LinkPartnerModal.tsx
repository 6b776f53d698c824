import { useEffect, useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { PartnerLinkKind } from '../../../shared/partners.js';
import type { Partner, PartnerSummary } from '../../../shared/schemas/partner.js';
import { WriteErrorAlert } from './ConflictAlert.js';
import { PartnerSelect } from './pickers.js';
import { useAddPartnerLink } from './queries.js';

/** A relation read from this partner: outgoing links start here, incoming ones at the other partner. */
type Relation = 'distributor_of' | 'reseller_of' | 'represented_by' | 'resold_by';

const RELATIONS: { value: Relation; kind: PartnerLinkKind; outgoing: boolean; label: (name: string) => string; hint: string }[] = [
  { value: 'distributor_of', kind: 'distributor_of', outgoing: true, label: (n) => `${n} is a distributor of…`, hint: 'Pick the vendor this distributor represents.' },
  {
    value: 'represented_by',
    kind: 'distributor_of',
    outgoing: false,
    label: (n) => `${n} is represented by the distributor…`,
    hint: 'Pick a distributor (a partner of type Distributor).',
  },
  { value: 'reseller_of', kind: 'reseller_of', outgoing: true, label: (n) => `${n} is a reseller of…`, hint: 'Pick the partner whose products this one resells.' },
  { value: 'resold_by', kind: 'reseller_of', outgoing: false, label: (n) => `${n} is resold by…`, hint: 'Pick the reseller.' },
];

/** Links a vendor and its distributor (or reseller), from whichever end the user stands on. */
export function LinkPartnerModal({ partner, opened, onClose }: { partner: Partner; opened: boolean; onClose: () => void }) {
  const add = useAddPartnerLink();
  const isDistributor = partner.types.includes('distributor');
  const options = RELATIONS.filter((r) => r.value !== 'distributor_of' || isDistributor);
  const [relation, setRelation] = useState<Relation>(options[0]!.value);
  const [other, setOther] = useState<PartnerSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  useEffect(() => {
    if (opened) {
      setRelation(isDistributor ? 'distributor_of' : 'represented_by');
      setOther(null);
      setPickError(null);
      add.reset();
    }
  }, [opened]);

  const chosen = RELATIONS.find((r) => r.value === relation)!;
  const linked = new Set(partner.related.filter((r) => r.kind === chosen.kind && (r.direction === 'outgoing') === chosen.outgoing).map((r) => r.partner.id));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!other) return setPickError('Pick a partner');
    const body = chosen.outgoing ? { fromId: partner.id, toPartnerId: other.id, kind: chosen.kind } : { fromId: other.id, toPartnerId: partner.id, kind: chosen.kind };
    add.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: `${partner.name} and ${other.name} are linked.` });
        onClose();
      },
    });
  };

  return (
    <Modal opened={opened} onClose={onClose} title="Link a vendor or distributor" size="lg">
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <Radio.Group
            label="Relation"
            value={relation}
            onChange={(v) => {
              setRelation(v as Relation);
              setOther(null);
              add.reset();
            }}
          >
            <Stack gap="xs" mt="xs">
              {options.map((r) => (
                <Radio key={r.value} value={r.value} label={r.label(partner.name)} />
              ))}
            </Stack>
          </Radio.Group>
          {!isDistributor && (
            <Text size="xs" c="dimmed">
              Only a partner of type Distributor can be “distributor of” a vendor. To record that {partner.name} distributes others, add the Distributor type first.
            </Text>
          )}
          <PartnerSelect
            label={chosen.outgoing ? 'Partner' : chosen.kind === 'distributor_of' ? 'Distributor' : 'Reseller'}
            description={chosen.hint}
            placeholder="Type a name"
            required
            exclude={[partner.id, ...linked]}
            allow={!chosen.outgoing && chosen.kind === 'distributor_of' ? (p) => p.types.includes('distributor') : undefined}
            value={other}
            onPick={(p) => {
              setOther(p);
              setPickError(null);
            }}
            error={pickError}
            comboboxProps={{ withinPortal: true }}
          />
          <WriteErrorAlert error={add.error} onReload={() => add.reset()} />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" loading={add.isPending}>
              Link partners
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
