import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { IconExternalLink, IconWorld } from '@tabler/icons-react';
import { LINK_KEYS } from '../../../shared/partners.js';
import type { PartnerDetail } from '../../../shared/schemas/partner.js';

const hostOf = (url: string) => {
  try {
    return new URL(url).host.replace(/^www\./, '');
  } catch {
    return url;
  }
};

/** The partner's website and profile links, each opening in a new tab; nothing when it has none. */
export function PartnerLinks({ partner }: { partner: PartnerDetail }) {
  const { t } = useTranslation('partners');
  const links = LINK_KEYS.filter((k) => partner.links[k]);
  if (!partner.website && links.length === 0) return null;
  return (
    <Group gap="xs" mt="sm" aria-label={t('links.group')} role="group">
      {partner.website && (
        <Button component="a" href={partner.website} target="_blank" rel="noopener noreferrer" size="xs" variant="default" leftSection={<IconWorld size={14} aria-hidden />}>
          {hostOf(partner.website)}
          <span className="visually-hidden">{t('links.website')}</span>
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
          {t(`link.${k}`)}
          <span className="visually-hidden">{t('links.newTab')}</span>
        </Button>
      ))}
    </Group>
  );
}
