import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Menu } from '@mantine/core';
import { IconArchive, IconArrowBackUp, IconArrowMerge, IconDots, IconLink, IconPencil, IconProgressCheck } from '@tabler/icons-react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { partnerPath } from './PartnerTable.js';

/** The partner header's dialogs, opened from its actions menu and its facts. */
export type PartnerDialog = 'status' | 'link' | 'merge' | 'archive';

/** The "Actions for …" menu of the partner header; its items come from the partner's `can`. */
export function PartnerActionsMenu({
  partner,
  onOpen,
  onRestore,
  restoring,
}: {
  partner: PartnerDetail;
  onOpen: (dialog: PartnerDialog) => void;
  onRestore: () => void;
  restoring: boolean;
}) {
  const { t } = useTranslation('partners');
  const { can } = partner;
  const editable = can.edit;
  if (!(editable || can.archive || can.restore || can.merge)) return null;
  return (
    <Menu position="bottom-end" shadow="md" withinPortal width={260}>
      <Menu.Target>
        <ActionIcon variant="default" size="lg" aria-label={t('actions.menu', { name: partner.name })}>
          <IconDots size={18} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        {editable && (
          <>
            <Menu.Item component={Link} to={partnerPath(partner.id, 'edit')} leftSection={<IconPencil size={16} aria-hidden />}>
              {t('actions.edit')}
            </Menu.Item>
            <Menu.Item leftSection={<IconProgressCheck size={16} aria-hidden />} onClick={() => onOpen('status')}>
              {t('actions.changeStatus')}
            </Menu.Item>
            <Menu.Item leftSection={<IconLink size={16} aria-hidden />} onClick={() => onOpen('link')}>
              {t('actions.link')}
            </Menu.Item>
          </>
        )}
        {can.merge && (
          <Menu.Item leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => onOpen('merge')}>
            {t('actions.merge')}
          </Menu.Item>
        )}
        {(can.archive || can.restore) && (
          <>
            <Menu.Divider />
            {can.restore ? (
              // A partner merged into another is not restored (its records moved there): `can.restore` is false for it.
              <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={onRestore} disabled={restoring}>
                {t('actions.restore')}
              </Menu.Item>
            ) : (
              <Menu.Item className="menu-danger" leftSection={<IconArchive size={16} aria-hidden />} onClick={() => onOpen('archive')}>
                {t('actions.archive')}
              </Menu.Item>
            )}
          </>
        )}
      </Menu.Dropdown>
    </Menu>
  );
}
