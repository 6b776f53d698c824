import { Link } from 'react-router';
import { Alert, Anchor, Button, Group, Text } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowMerge } from '@tabler/icons-react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { formatDate } from '../../lib/format.js';
import { partnerPath } from './PartnerTable.js';

/** The alert above the partner header when the partner was merged into another or is archived. */
export function PartnerStateAlerts({ partner, onRestore, restoring }: { partner: PartnerDetail; onRestore: () => void; restoring: boolean }) {
  if (partner.mergedIntoId) {
    return (
      <Alert color="gray" variant="light" icon={<IconArrowMerge aria-hidden />} mb="md" title="Merged into another partner">
        This record was a duplicate; everything it held moved to the partner it was merged into.{' '}
        <Anchor component={Link} to={partnerPath(partner.mergedIntoId)}>
          Open that partner
        </Anchor>
      </Alert>
    );
  }
  if (!partner.archivedAt) return null;
  return (
    <Alert color="yellow" variant="light" icon={<IconArchive aria-hidden />} mb="md" title={`Archived on ${formatDate(partner.archivedAt)}`}>
      <Group justify="space-between" gap="sm">
        <Text size="sm">It is hidden from lists and search; its history, people and timeline are kept. Restore it to change it again.</Text>
        {partner.can.restore && (
          <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={onRestore} loading={restoring}>
            Restore
          </Button>
        )}
      </Group>
    </Alert>
  );
}
