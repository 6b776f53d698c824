import { useState } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Alert, Anchor, Button, Group, Menu, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconArchive, IconArrowBackUp, IconArrowMerge, IconChevronDown, IconDots, IconExternalLink, IconLink, IconPencil, IconProgressCheck, IconWorld } from '@tabler/icons-react';
import { LINK_KEYS } from '../../../shared/partners.js';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { ConfirmDialog } from '../../components/ConfirmDialog.js';
import { errorMessage } from '../../api.js';
import { formatDate } from '../../lib/format.js';
import { colleaguePath } from '../team/labels.js';
import { ImportanceBadge, PartnerLogo, StatusBadge, TypeBadges } from './badges.js';
import { ContactDue, LastContactText } from '../tasks/ContactCadence.js';
import { RiskReviewBadge } from '../risk/RiskReviewBadge.js';
import { HeldLevels } from '../programs/HeldLevels.js';
import { ChangeStatusModal } from './ChangeStatusModal.js';
import { countryLabel, LINK_LABELS, STATUS_LABELS } from './labels.js';
import { LinkPartnerModal } from './LinkPartnerModal.js';
import { MergeModal } from './MergeModal.js';
import { partnerPath } from './PartnerTable.js';
import { useSetArchived } from './queries.js';
import classes from './PartnerPage.module.css';

const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
};

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className={classes.fact}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The top of the 360° page: who the partner is, where the relationship stands, and what one can do. */
/** Which actions show comes from the partner's `can` (the server's policies), never from rules of our own. */
export function PartnerHeader({ partner }: { partner: PartnerDetail }) {
  const { can } = partner;
  const [dialog, setDialog] = useState<'status' | 'link' | 'merge' | 'archive' | null>(null);
  const setArchived = useSetArchived();
  const archived = Boolean(partner.archivedAt);
  const links = LINK_KEYS.filter((k) => partner.links[k]);

  const archive = (on: boolean) =>
    setArchived.mutate(
      { partner, archived: on },
      {
        onSuccess: (p) => {
          setDialog(null);
          notifications.show({ color: 'teal', message: on ? `${p.name} is archived. It stays findable under Partners › More filters › Archived.` : `${p.name} is restored.` });
        },
        onError: (e) => {
          if (!on) notifications.show({ color: 'red', title: 'Not restored', message: errorMessage(e) });
        },
      },
    );

  const editable = can.edit;

  return (
    <header className={classes.header}>
      {partner.mergedIntoId && (
        <Alert color="gray" variant="light" icon={<IconArrowMerge aria-hidden />} mb="md" title="Merged into another partner">
          This record was a duplicate; everything it held moved to the partner it was merged into.{' '}
          <Anchor component={Link} to={partnerPath(partner.mergedIntoId)}>
            Open that partner
          </Anchor>
        </Alert>
      )}
      {archived && !partner.mergedIntoId && (
        <Alert color="yellow" variant="light" icon={<IconArchive aria-hidden />} mb="md" title={`Archived on ${formatDate(partner.archivedAt)}`}>
          <Group justify="space-between" gap="sm">
            <Text size="sm">It is hidden from lists and search; its history, people and timeline are kept. Restore it to change it again.</Text>
            {can.restore && (
              <Button size="xs" variant="default" leftSection={<IconArrowBackUp size={14} aria-hidden />} onClick={() => archive(false)} loading={setArchived.isPending}>
                Restore
              </Button>
            )}
          </Group>
        </Alert>
      )}

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
              {editable && (
                <Button component={Link} to={partnerPath(partner.id, 'edit')} variant="default" leftSection={<IconPencil size={16} aria-hidden />} visibleFrom="sm">
                  Edit
                </Button>
              )}
              {(editable || can.archive || can.restore || can.merge) && (
                <Menu position="bottom-end" shadow="md" withinPortal width={260}>
                  <Menu.Target>
                    <ActionIcon variant="default" size="lg" aria-label={`Actions for ${partner.name}`}>
                      <IconDots size={18} aria-hidden />
                    </ActionIcon>
                  </Menu.Target>
                  <Menu.Dropdown>
                    {editable && (
                      <>
                        <Menu.Item component={Link} to={partnerPath(partner.id, 'edit')} leftSection={<IconPencil size={16} aria-hidden />}>
                          Edit details
                        </Menu.Item>
                        <Menu.Item leftSection={<IconProgressCheck size={16} aria-hidden />} onClick={() => setDialog('status')}>
                          Change status…
                        </Menu.Item>
                        <Menu.Item leftSection={<IconLink size={16} aria-hidden />} onClick={() => setDialog('link')}>
                          Link a vendor or distributor…
                        </Menu.Item>
                      </>
                    )}
                    {can.merge && (
                      <Menu.Item leftSection={<IconArrowMerge size={16} aria-hidden />} onClick={() => setDialog('merge')}>
                        Merge a duplicate into this…
                      </Menu.Item>
                    )}
                    {(can.archive || can.restore) && (
                      <>
                        <Menu.Divider />
                        {can.restore ? (
                          // A partner merged into another is not restored (its records moved there): `can.restore` is false for it.
                          <Menu.Item leftSection={<IconArrowBackUp size={16} aria-hidden />} onClick={() => archive(false)} disabled={setArchived.isPending}>
                            Restore
                          </Menu.Item>
                        ) : (
                          <Menu.Item
                            className="menu-danger"
                            leftSection={<IconArchive size={16} aria-hidden />}
                            onClick={() => {
                              setArchived.reset();
                              setDialog('archive');
                            }}
                          >
                            Archive…
                          </Menu.Item>
                        )}
                      </>
                    )}
                  </Menu.Dropdown>
                </Menu>
              )}
            </Group>
          </Group>

          <Group gap={6} wrap="wrap">
            <TypeBadges types={partner.types} />
            <RiskReviewBadge partner={partner} />
          </Group>
        </Stack>
      </Group>

      <dl className={classes.facts}>
        <Fact label="Status">
          <Group gap={4} wrap="wrap">
            <StatusBadge status={partner.status} />
            {editable && (
              <Tooltip label={`${STATUS_LABELS[partner.status]} since ${formatDate(partner.statusChangedAt)}`} withArrow>
                <Button variant="subtle" size="compact-xs" rightSection={<IconChevronDown size={12} aria-hidden />} onClick={() => setDialog('status')}>
                  Change
                </Button>
              </Tooltip>
            )}
          </Group>
        </Fact>
        <Fact label="Importance">
          <ImportanceBadge importance={partner.importance} />
        </Fact>
        <Fact label="Level">
          <HeldLevels partner={partner} />
        </Fact>
        <Fact label="Owner">
          {partner.owner ? (
            <Anchor component={Link} to={colleaguePath(partner.owner.id)} size="sm">
              {partner.owner.name}
            </Anchor>
          ) : (
            <Text span size="sm" c="dimmed">
              Nobody yet
            </Text>
          )}
        </Fact>
        <Fact label="Last contact">
          <Stack gap={4} align="flex-start">
            <LastContactText at={partner.lastContactAt} />
            <ContactDue partner={partner} size="xs" />
          </Stack>
        </Fact>
        {partner.country && (
          <Fact label="Country">
            <Text span size="sm">
              {countryLabel(partner.country)}
            </Text>
          </Fact>
        )}
      </dl>

      {(partner.website || links.length > 0) && (
        <Group gap="xs" mt="sm" aria-label="Links" role="group">
          {partner.website && (
            <Button component="a" href={partner.website} target="_blank" rel="noopener noreferrer" size="xs" variant="default" leftSection={<IconWorld size={14} aria-hidden />}>
              {hostOf(partner.website)}
              <span className="visually-hidden"> (website, opens in a new tab)</span>
            </Button>
          )}
          {links.map((k) => (
            <Button
              key={k}
              component="a"
              href={partner.links[k]}
              target="_blank"
              rel="noopener noreferrer"
              size="xs"
              variant="default"
              rightSection={<IconExternalLink size={12} aria-hidden />}
            >
              {LINK_LABELS[k]}
              <span className="visually-hidden"> (opens in a new tab)</span>
            </Button>
          ))}
        </Group>
      )}

      <ChangeStatusModal partner={partner} opened={dialog === 'status'} onClose={() => setDialog(null)} />
      <LinkPartnerModal partner={partner} opened={dialog === 'link'} onClose={() => setDialog(null)} />
      <MergeModal partner={partner} opened={dialog === 'merge'} onClose={() => setDialog(null)} />
      <ConfirmDialog
        opened={dialog === 'archive'}
        onClose={() => setDialog(null)}
        onConfirm={() => archive(true)}
        title={`Archive ${partner.name}?`}
        confirmLabel="Archive"
        danger
        loading={setArchived.isPending}
        error={setArchived.error}
      >
        It leaves the partner list and search. Its people, timeline and history are kept, and you can restore it at any time.
      </ConfirmDialog>
    </header>
  );
}
