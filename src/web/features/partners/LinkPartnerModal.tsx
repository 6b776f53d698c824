import { useState } from 'react';
import { Button, Group, Modal, Radio, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { notifications } from '@mantine/notifications';
import type { PartnerLinkKind } from '../../../shared/partners.js';
import type { Partner, PartnerSummary } from '../../../shared/schemas/partner.js';
import { WriteErrorAlert } from './ConflictAlert.js';
import { PartnerSelect } from './pickers.js';
import { useAddPartnerLink } from './queries.js';

/** A relation read from this partner: outgoing links start here, incoming ones at the other partner. */
type Relation = 'distributor_of' | 'reseller_of' | 'represented_by' | 'resold_by';

// Each relation's words are `linkPartner.<value>` (the choice) and `linkPartner.<value>Hint` (what to pick).
const RELATIONS: { value: Relation; kind: PartnerLinkKind; outgoing: boolean }[] = [
  { value: 'distributor_of', kind: 'distributor_of', outgoing: true },
  { value: 'represented_by', kind: 'distributor_of', outgoing: false },
  { value: 'reseller_of', kind: 'reseller_of', outgoing: true },
  { value: 'resold_by', kind: 'reseller_of', outgoing: false },
];

/** Links a vendor and its distributor (or reseller), from whichever end the user stands on. */
export function LinkPartnerModal({ partner, opened, onClose }: { partner: Partner; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['partners', 'common']);
  return (
    <Modal opened={opened} onClose={onClose} title={t('linkPartner.title')} size="lg">
      {opened && <LinkPartnerModalBody partner={partner} onClose={onClose} />}
    </Modal>
  );
}

/** Mounted while the dialog is open, so each opening starts from the first relation this partner can have and no partner picked. */
function LinkPartnerModalBody({ partner, onClose }: { partner: Partner; onClose: () => void }) {
  const { t } = useTranslation(['partners', 'common']);
  const add = useAddPartnerLink();
  const isDistributor = partner.types.includes('distributor');
  const options = RELATIONS.filter((r) => r.value !== 'distributor_of' || isDistributor);
  const [relation, setRelation] = useState<Relation>(options[0]!.value);
  const [other, setOther] = useState<PartnerSummary | null>(null);
  const [pickError, setPickError] = useState<string | null>(null);

  const chosen = RELATIONS.find((r) => r.value === relation)!;
  const linked = new Set(partner.related.filter((r) => r.kind === chosen.kind && (r.direction === 'outgoing') === chosen.outgoing).map((r) => r.partner.id));

  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!other) return setPickError(t('linkPartner.pickMissing'));
    const body = chosen.outgoing ? { fromId: partner.id, toPartnerId: other.id, kind: chosen.kind } : { fromId: other.id, toPartnerId: partner.id, kind: chosen.kind };
    add.mutate(body, {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: t('linkPartner.linked', { name: partner.name, other: other.name }) });
        onClose();
      },
    });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="md">
        <Radio.Group
          label={t('linkPartner.relation')}
          value={relation}
          onChange={(v) => {
            setRelation(v as Relation);
            setOther(null);
            add.reset();
          }}
        >
          <Stack gap="xs" mt="xs">
            {options.map((r) => (
              <Radio key={r.value} value={r.value} label={t(`linkPartner.${r.value}`, { name: partner.name })} />
            ))}
          </Stack>
        </Radio.Group>
        {!isDistributor && (
          <Text size="xs" c="dimmed">
            {t('linkPartner.onlyDistributors', { name: partner.name })}
          </Text>
        )}
        <PartnerSelect
          label={chosen.outgoing ? t('linkPartner.partner') : chosen.kind === 'distributor_of' ? t('linkPartner.distributor') : t('linkPartner.reseller')}
          description={t(`linkPartner.${chosen.value}Hint`)}
          placeholder={t('linkPartner.placeholder')}
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
            {t('common:action.cancel')}
          </Button>
          <Button type="submit" loading={add.isPending}>
            {t('linkPartner.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
