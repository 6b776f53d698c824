import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Anchor, Button, Group, Stack, Text, Tooltip } from '@mantine/core';
import { IconChevronDown } from '@tabler/icons-react';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';
import { formatDate } from '../../lib/format.js';
import { colleaguePath } from '../team/labels.js';
import { ImportanceBadge, StatusBadge } from './badges.js';
import { ContactDue, LastContactText } from '../tasks/ContactCadence.js';
import { HeldLevels } from '../programs/HeldLevels.js';
import { DealFigureFacts } from '../deals/DealFigures.js';
import { countryLabel, statusLabel } from './labels.js';
import classes from './PartnerPage.module.css';

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div className={classes.fact}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** The partner header's facts: status (with "Change" when editable), importance, levels, owner, last contact, the deal figures and country. */
export function PartnerFacts({ partner, onChangeStatus }: { partner: PartnerDetail; onChangeStatus: () => void }) {
  const { t } = useTranslation('partners');
  return (
    <dl className={classes.facts}>
      <Fact label={t('facts.status')}>
        <Group gap={4} wrap="wrap">
          <StatusBadge status={partner.status} />
          {partner.can.edit && (
            <Tooltip label={t('facts.statusSince', { status: statusLabel(partner.status), date: formatDate(partner.statusChangedAt) })} withArrow>
              <Button variant="subtle" size="compact-xs" rightSection={<IconChevronDown size={12} aria-hidden />} onClick={onChangeStatus}>
                {t('facts.change')}
              </Button>
            </Tooltip>
          )}
        </Group>
      </Fact>
      <Fact label={t('facts.importance')}>
        <ImportanceBadge importance={partner.importance} />
      </Fact>
      <Fact label={t('facts.level')}>
        <HeldLevels partner={partner} />
      </Fact>
      <Fact label={t('facts.owner')}>
        {partner.owner ? (
          <Anchor component={Link} to={colleaguePath(partner.owner.id)} size="sm">
            {partner.owner.name}
          </Anchor>
        ) : (
          <Text span size="sm" c="dimmed">
            {t('facts.nobodyYet')}
          </Text>
        )}
      </Fact>
      <Fact label={t('facts.lastContact')}>
        <Stack gap={4} align="flex-start">
          <LastContactText at={partner.lastContactAt} />
          <ContactDue partner={partner} size="xs" />
        </Stack>
      </Fact>
      <DealFigureFacts figures={partner.deals} Fact={Fact} />
      {partner.country && (
        <Fact label={t('facts.country')}>
          <Text span size="sm">
            {countryLabel(partner.country)}
          </Text>
        </Fact>
      )}
    </dl>
  );
}
