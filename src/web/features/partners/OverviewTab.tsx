import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ActionIcon, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPackage, IconPencil, IconX } from '@tabler/icons-react';
import type { PartnerLinkKind } from '../../../shared/partners.js';
import type { Partner } from '../../../shared/schemas/partner.js';
import { errorMessage } from '../../api.js';
import { intervalHint } from '../tasks/ContactCadence.js';
import { LinkPartnerModal } from './LinkPartnerModal.js';
import { directionLabel, relationInSentence, relationLabel } from './labels.js';
import { partnerPath } from './PartnerTable.js';
import { useRemovePartnerLink } from './queries.js';
import type { PartnerTabProps } from './tabs.js';
import classes from './PartnerPage.module.css';

function Section({ title, children, action, id }: { title: string; children: ReactNode; action?: ReactNode; id: string }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={id} className={classes.section}>
      <Group justify="space-between" mb="sm" gap="xs">
        <Title order={2} size="h5" id={id}>
          {title}
        </Title>
        {action}
      </Group>
      <Stack gap="sm">{children}</Stack>
    </Card>
  );
}

function Field({ label, value, empty }: { label?: string; value: string | null; empty?: string }) {
  const { t } = useTranslation('partners');
  return (
    <div>
      {label && (
        <Text size="xs" fw={600} c="dimmed" mb={2}>
          {label}
        </Text>
      )}
      {value ? (
        <Text size="sm" className={classes.prose}>
          {value}
        </Text>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {empty ?? t('overview.notRecorded')}
        </Text>
      )}
    </div>
  );
}

function Labels({ label, values, empty }: { label: string; values: string[]; empty?: string }) {
  const { t } = useTranslation('partners');
  return (
    <div>
      <Text size="xs" fw={600} c="dimmed" mb={4}>
        {label}
      </Text>
      {values.length ? (
        <Group gap={6}>
          {values.map((v) => (
            <Badge key={v} variant="light" color="gray" tt="none" fw={500}>
              {v}
            </Badge>
          ))}
        </Group>
      ) : (
        <Text size="sm" c="dimmed" fs="italic">
          {empty ?? t('overview.noneRecorded')}
        </Text>
      )}
    </div>
  );
}

/** Links to other partners, grouped by how they read from here ("Distributor of", "Represented by"…). */
function Related({ partner, editable }: { partner: Partner; editable: boolean }) {
  const { t } = useTranslation('partners');
  const remove = useRemovePartnerLink();
  const groups = new Map<string, Partner['related']>();
  for (const r of partner.related) {
    const label = relationLabel(r.kind as PartnerLinkKind, r.direction);
    groups.set(label, [...(groups.get(label) ?? []), r]);
  }
  if (!partner.related.length) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        {t('overview.noLinks')}
      </Text>
    );
  }
  return (
    <Stack gap="sm">
      {[...groups.entries()].map(([label, links]) => (
        <div key={label}>
          <Text size="xs" fw={600} c="dimmed" mb={4}>
            {label}
          </Text>
          <Stack gap={4} component="ul" style={{ listStyle: 'none', margin: 0, padding: 0 }}>
            {links.map((l) => (
              <Group key={l.linkId} component="li" gap={4} wrap="nowrap">
                <Anchor component={Link} to={partnerPath(l.partner.id)} size="sm">
                  {l.partner.name}
                </Anchor>
                {editable && (
                  <Tooltip label={t('overview.removeLink')} withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={t('overview.removeLinkNamed', { relation: relationInSentence(l.kind as PartnerLinkKind, l.direction), name: l.partner.name })}
                      loading={remove.isPending && remove.variables?.linkId === l.linkId}
                      onClick={() =>
                        remove.mutate(
                          { partnerId: partner.id, linkId: l.linkId, otherId: l.partner.id },
                          {
                            onSuccess: () => notifications.show({ message: t('overview.unlinked', { name: partner.name, other: l.partner.name }) }),
                            onError: (e) => notifications.show({ color: 'red', title: t('overview.unlinkFailed'), message: errorMessage(e) }),
                          },
                        )
                      }
                    >
                      <IconX size={14} aria-hidden />
                    </ActionIcon>
                  </Tooltip>
                )}
              </Group>
            ))}
          </Stack>
        </div>
      ))}
    </Stack>
  );
}

/** What we know about the partner and why we work together. */
export function OverviewTab({ partner }: PartnerTabProps) {
  const { t } = useTranslation('partners');
  const editable = partner.can.edit;
  const [linking, setLinking] = useState(false);
  const edit = editable ? (
    <Button component={Link} to={partnerPath(partner.id, 'edit')} variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />}>
      {t('overview.edit')}
    </Button>
  ) : null;

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title={t('overview.about')} id="ov-about" action={edit}>
          <Field value={partner.description} empty={t('overview.noDescription')} />
          <Labels label={t('overview.tags')} values={partner.tags} empty={t('overview.noTags')} />
        </Section>
        <Section title={t('overview.strategy')} id="ov-strategy">
          <Field label={t('overview.theirStrategy')} value={partner.strategy} />
          <Labels label={t('overview.regions')} values={partner.regions} />
          <Labels label={t('overview.industries')} values={partner.industries} />
        </Section>
        <Section title={t('overview.why')} id="ov-why">
          <Field label={t('overview.weBring')} value={partner.valueWeBring} />
          <Field label={t('overview.theyBring')} value={partner.valueTheyBring} />
          <Labels label={t('overview.direction')} values={partner.directions.map(directionLabel)} />
          <Field label={t('overview.rhythm')} value={`${intervalHint(partner)}.`} />
        </Section>
        <Section title={t('overview.products')} id="ov-products">
          {partner.products.length ? (
            <Group gap={6}>
              {partner.products.map((p) => (
                <Badge key={p.id} variant="light" leftSection={<IconPackage size={12} aria-hidden />} tt="none" fw={500}>
                  {p.name}
                </Badge>
              ))}
            </Group>
          ) : (
            <Text size="sm" c="dimmed" fs="italic">
              {t('overview.noProducts')}
            </Text>
          )}
          <Anchor component={Link} to="/products" size="xs">
            {t('overview.catalogue')}
          </Anchor>
        </Section>
        <Section title={t('overview.pricing')} id="ov-pricing">
          <Field value={partner.pricingNotes} empty={t('overview.noPricing')} />
        </Section>
        <Section
          title={t('overview.related')}
          id="ov-related"
          action={
            editable ? (
              <Button variant="subtle" size="compact-sm" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setLinking(true)}>
                {t('overview.addLink')}
              </Button>
            ) : null
          }
        >
          <Related partner={partner} editable={editable} />
        </Section>
      </SimpleGrid>
      <LinkPartnerModal partner={partner} opened={linking} onClose={() => setLinking(false)} />
    </>
  );
}
