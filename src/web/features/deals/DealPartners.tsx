import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Button, Group, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DealPartnerRole } from '../../../shared/deals.js';
import type { OpportunityDetail } from '../../../shared/schemas/opportunity.js';
import type { PartnerSummary } from '../../../shared/schemas/partner.js';
import { errorMessage } from '../../api.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { PartnerSelect } from '../partners/pickers.js';
import { roleLabel, roleOptions } from './labels.js';
import { DEFAULT_ROLE } from './opportunityForm.js';
import { useDealPartners } from './queries.js';

/** Adds a partner with its role to a deal. */
function AddPartnerModal({ deal, opened, onClose }: { deal: OpportunityDetail; opened: boolean; onClose: () => void }) {
  const { t } = useTranslation(['deals', 'common']);
  const { add } = useDealPartners();
  const [partner, setPartner] = useState<PartnerSummary | null>(null);
  const [role, setRole] = useState<DealPartnerRole>(DEFAULT_ROLE);
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    if (!partner) return;
    add.mutate(
      { id: deal.id, partnerId: partner.id, role },
      {
        onSuccess: () => {
          notifications.show({ color: 'teal', message: t('partners.added', { name: partner.name }) });
          setPartner(null);
          onClose();
        },
      },
    );
  };
  return (
    <Modal opened={opened} onClose={onClose} title={t('partners.addTitle', { title: deal.title })}>
      <form onSubmit={submit} noValidate>
        <Stack gap="md">
          <PartnerSelect label={t('partners.partner')} required data-autofocus value={partner} onPick={setPartner} exclude={deal.partners.map((p) => p.id)} />
          <Select label={t('partners.role')} data={roleOptions()} value={role} onChange={(v) => v && setRole(v as DealPartnerRole)} allowDeselect={false} />
          {add.isError && (
            <Text size="sm" c="red" role="alert">
              {errorMessage(add.error)}
            </Text>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('common:action.cancel')}
            </Button>
            <Button type="submit" loading={add.isPending} disabled={!partner}>
              {t('partners.add')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** The deal's partners with their roles; who may edit the deal changes roles, adds and removes (never the last one). */
export function DealPartners({ deal }: { deal: OpportunityDetail }) {
  const { t } = useTranslation('deals');
  const { change, remove } = useDealPartners();
  const [adding, setAdding] = useState(false);
  const [removing, setRemoving] = useState<{ id: string; name: string } | null>(null);
  const editable = deal.can.edit;
  const failed = (e: unknown) => notifications.show({ color: 'red', title: t('partners.failed'), message: errorMessage(e) });

  return (
    <Stack gap="xs">
      {deal.partners.map((p) => (
        <Group key={p.id} gap="sm" wrap="nowrap" justify="space-between">
          <Anchor component={Link} to={`/partners/${encodeURIComponent(p.id)}`} size="sm" fw={500}>
            {p.name}
          </Anchor>
          {editable ? (
            <Group gap={4} wrap="nowrap">
              <Select
                size="xs"
                aria-label={t('partners.roleOf', { name: p.name })}
                data={roleOptions()}
                value={p.role}
                allowDeselect={false}
                w={220}
                onChange={(role) =>
                  role &&
                  change.mutate(
                    { id: deal.id, partnerId: p.id, role: role as DealPartnerRole },
                    { onSuccess: () => notifications.show({ color: 'teal', message: t('partners.changed', { name: p.name }) }), onError: failed },
                  )
                }
              />
              <ActionIcon variant="subtle" color="gray" aria-label={t('partners.remove', { name: p.name })} disabled={deal.partners.length <= 1} onClick={() => setRemoving(p)}>
                <IconTrash size={16} aria-hidden />
              </ActionIcon>
            </Group>
          ) : (
            <Text size="sm" c="dimmed">
              {roleLabel(p.role)}
            </Text>
          )}
        </Group>
      ))}
      {editable && (
        <Button variant="subtle" size="xs" leftSection={<IconPlus size={14} aria-hidden />} style={{ alignSelf: 'flex-start' }} onClick={() => setAdding(true)}>
          {t('partners.add')}
        </Button>
      )}
      <AddPartnerModal deal={deal} opened={adding} onClose={() => setAdding(false)} />
      <ConfirmDialog
        opened={removing !== null}
        onClose={() => setRemoving(null)}
        onConfirm={() =>
          removing &&
          remove.mutate(
            { id: deal.id, partnerId: removing.id },
            {
              onSuccess: () => {
                notifications.show({ message: t('partners.removed', { name: removing.name }) });
                setRemoving(null);
              },
            },
          )
        }
        title={t('partners.removeTitle', { name: removing?.name ?? '', title: deal.title })}
        confirmLabel={t('partners.remove', { name: removing?.name ?? '' })}
        danger
        loading={remove.isPending}
        error={remove.error}
      >
        {t('partners.removeText')}
      </ConfirmDialog>
    </Stack>
  );
}
