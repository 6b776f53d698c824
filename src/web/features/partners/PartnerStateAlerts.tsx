import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowMerge } from '@tabler/icons-react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { formatDate } from '../../lib/format.js';
import { partnerPath } from './PartnerTable.js';

/** The alert above the partner header when the partner was merged into another or is archived. */
export function PartnerStateAlerts({ partner, onRestore, restoring }: { partner: PartnerDetail; onRestore: () => void; restoring: boolean }) {
  const { t } = useTranslation('partners');
  if (partner.mergedIntoId) {
    return (
      <Alert color="gray" variant="light" icon={<IconArrowMerge aria-hidden />} mb="md" title={t('state.merged')}>
        {t('state.mergedText')}{' '}
        <Anchor component={Link} to={partnerPath(partner.mergedIntoId)}>
          {t('state.openMerged')}
        </Anchor>
      </Alert>
    );
  }
  if (!partner.archivedAt) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconArchive aria-hidden />} mb="md" title={t('state.archivedOn', { date: formatDate(partner.archivedAt) })}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">{t('state.archivedText')}</Text>
        {partner.can.restore && (
          <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={onRestore} loading={restoring}>
            {t('state.restore')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
