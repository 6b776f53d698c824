import { useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPencil } from '@tabler/icons-react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../api.js';
import { PartnerLogo, TypeBadges } from './badges.js';
import { RiskReviewBadge } from '../risk/RiskReviewBadge.js';
import { ChangeStatusModal } from './ChangeStatusModal.js';
import { LinkPartnerModal } from './LinkPartnerModal.js';
import { MergeModal } from './MergeModal.js';
import { PartnerActionsMenu, type PartnerDialog } from './PartnerActionsMenu.js';
import { PartnerFacts } from './PartnerFacts.js';
import { PartnerLinks } from './PartnerLinks.js';
import { PartnerStateAlerts } from './PartnerStateAlerts.js';
import { partnerPath } from './PartnerTable.js';
import { useSetArchived } from './queries.js';
import classes from './PartnerPage.module.css';

/** The top of the 360° page: who the partner is, where the relationship stands, and what one can do. */
/** Which actions show comes from the partner's `can` (the server's policies), never from rules of our own. */
export function PartnerHeader({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation('partners');
  const [dialog, setDialog] = useState<PartnerDialog | null>(null);
  const setArchived = useSetArchived();

  const archive = (on: boolean) =>
    setArchived.mutate(
      { partner, archived: on },
      {
        onSuccess: (p) => {
          setDialog(null);
          notifications.show({ color: 'teal', message: on ? t('header.archived', { name: p.name }) : t('header.restored', { name: p.name }) });
        },
        onError: (e) => {
          if (!on) notifications.show({ color: 'red', title: t('header.notRestored'), message: errorMessage(e) });
        },
      },
    );

  const open = (d: PartnerDialog) => {
    // The archive confirmation starts without the error of an earlier attempt.
    if (d === 'archive') setArchived.reset();
    setDialog(d);
  };
  const restore = () => archive(false);

  return (
    <header className={classes.header}>
      <PartnerStateAlerts partner={partner} onRestore={restore} restoring={setArchived.isPending} />

      <Group align="flex-start" gap="md" wrap="nowrap">
        <PartnerLogo name={partner.name} logoUrl={partner.logoUrl} size={64} className={classes.logo} />
        <Stack gap={6} style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" align="flex-start" gap="sm" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Title order={1} fz={{ base: 22, sm: 28 }} className={classes.name}>
                {partner.name}
              </Title>
              {partner.legalName && partner.legalName !== partner.name && (
                <Text size="sm" c="dimmed">
                  {partner.legalName}
                </Text>
              )}
            </div>
            <Group gap="xs" wrap="nowrap">
              {partner.can.edit && (
                <Button component={Link} to={partnerPath(partner.id, 'edit')} variant="default" leftSection={<IconPencil size={16} aria-hidden />} visibleFrom="sm">
                  {t('header.edit')}
                </Button>
              )}
              <PartnerActionsMenu partner={partner} onOpen={open} onRestore={restore} restoring={setArchived.isPending} />
            </Group>
          </Group>

          <Group gap={6} wrap="wrap">
            <TypeBadges types={partner.types} />
            <RiskReviewBadge partner={partner} />
          </Group>
        </Stack>
      </Group>

      <PartnerFacts partner={partner} onChangeStatus={() => open('status')} />
      <PartnerLinks partner={partner} />

      <ChangeStatusModal partner={partner} opened={dialog === 'status'} onClose={() => setDialog(null)} />
      <LinkPartnerModal partner={partner} opened={dialog === 'link'} onClose={() => setDialog(null)} />
      <MergeModal partner={partner} opened={dialog === 'merge'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        onConfirm={() => archive(true)}
        title={t('header.archiveTitle', { name: partner.name })}
        confirmLabel={t('header.archive')}
        danger
        loading={setArchived.isPending}
        error={setArchived.error}
      >
        {t('header.archiveText')}
      </ConfirmDialog>
    </header>
  );
}
