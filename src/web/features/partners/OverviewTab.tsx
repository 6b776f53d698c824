import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ActionIcon, Anchor, Badge, Button, Card, Group, SimpleGrid, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink, IconPackage, IconPencil, IconX } from '@tabler/icons-react';
import { DIRECTION_LABELS, type PartnerLinkKind } from '../../../shared/partners.js';
import type { Partner } from '../../../shared/schemas/partner.js';
import { errorMessage } from '../../api.js';
import { intervalHint } from '../tasks/ContactCadence.js';
import { LinkPartnerModal } from './LinkPartnerModal.js';
import { RELATION_LABELS } from './labels.js';
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

function Field({ label, value, empty = 'Not recorded yet.' }: { label?: string; value: string | null; empty?: string }) {
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
          {empty}
        </Text>
      )}
    </div>
  );
}

function Labels({ label, values, empty = 'None recorded.' }: { label: string; values: string[]; empty?: string }) {
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
          {empty}
        </Text>
      )}
    </div>
  );
}

/** Links to other partners, grouped by how they read from here ("Distributor of", "Represented by"…). */
function Related({ partner, editable }: { partner: Partner; editable: boolean }) {
  const remove = useRemovePartnerLink();
  const groups = new Map<string, Partner['related']>();
  for (const r of partner.related) {
    const label = RELATION_LABELS[r.kind as PartnerLinkKind][r.direction];
    groups.set(label, [...(groups.get(label) ?? []), r]);
  }
  if (!partner.related.length) {
    return (
      <Text size="sm" c="dimmed" fs="italic">
        No links to other partners. A distributor lists the vendors it represents here; a vendor its distributors.
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
                  <Tooltip label="Remove this link" withArrow>
                    <ActionIcon
                      variant="subtle"
                      color="gray"
                      size="sm"
                      aria-label={`Remove the link: ${label.toLowerCase()} ${l.partner.name}`}
                      loading={remove.isPending && remove.variables?.linkId === l.linkId}
                      onClick={() =>
                        remove.mutate(
                          { partnerId: partner.id, linkId: l.linkId, otherId: l.partner.id },
                          {
                            onSuccess: () => notifications.show({ message: `${partner.name} and ${l.partner.name} are no longer linked.` }),
                            onError: (e) => notifications.show({ color: 'red', title: 'The link was not removed', message: errorMessage(e) }),
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
  const editable = partner.can.edit;
  const [linking, setLinking] = useState(false);
  const edit = editable ? (
    <Button component={Link} to={partnerPath(partner.id, 'edit')} variant="subtle" size="compact-sm" leftSection={<IconPencil size={14} aria-hidden />}>
      Edit
    </Button>
  ) : null;

  return (
    <>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <Section title="About" id="ov-about" action={edit}>
          <Field value={partner.description} empty="No description yet." />
          <Labels label="Tags" values={partner.tags} empty="No tags." />
        </Section>
        <Section title="Strategy & markets" id="ov-strategy">
          <Field label="Their strategy" value={partner.strategy} />
          <Labels label="Regions" values={partner.regions} />
          <Labels label="Industries" values={partner.industries} />
        </Section>
        <Section title="Why we work together" id="ov-why">
          <Field label="What we bring them" value={partner.valueWeBring} />
          <Field label="What they bring us" value={partner.valueTheyBring} />
          <Labels label="Direction of the relationship" values={partner.directions.map((d) => DIRECTION_LABELS[d])} />
          <Field label="Contact rhythm" value={`${intervalHint(partner)}.`} />
        </Section>
        <Section title="Our products including this partner" id="ov-products">
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
              None of our products includes this partner yet.
            </Text>
          )}
          <Anchor component={Link} to="/products" size="xs">
            The product catalogue
          </Anchor>
        </Section>
        <Section title="Pricing, reporting & discounts" id="ov-pricing">
          <Field value={partner.pricingNotes} empty="No notes on pricing, reporting or discounts yet." />
        </Section>
        <Section
          title="Related partners"
          id="ov-related"
          action={
            editable ? (
              <Button variant="subtle" size="compact-sm" leftSection={<IconLink size={14} aria-hidden />} onClick={() => setLinking(true)}>
                Add link
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
