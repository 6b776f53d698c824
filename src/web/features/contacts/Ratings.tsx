import { Badge, Group, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { INFLUENCE_COLORS, influenceLabel, STRENGTH_COLORS, strengthLabel, STRENGTH_LEVEL, type Influence, type Strength } from './labels.js';
import classes from './Ratings.module.css';

export function InfluenceBadge({ influence }: { influence: Influence | null }) {
  useTranslation('contacts');
  if (!influence) return null;
  return (
    <Badge size="sm" variant="light" color={INFLUENCE_COLORS[influence]} style={{ textTransform: 'none' }}>
      {influenceLabel(influence)}
    </Badge>
  );
}

/** Four dots filled up to the strength, and the word: the colour is never the only cue. */
export function StrengthMeter({ strength }: { strength: Strength | null }) {
  const { t } = useTranslation('contacts');
  if (!strength) {
    return (
      <Text size="xs" c="dimmed">
        {t('ratings.strengthNotRated')}
      </Text>
    );
  }
  const level = STRENGTH_LEVEL[strength];
  return (
    <Group gap={6} wrap="nowrap" title={t('ratings.strengthTitle', { strength: strengthLabel(strength) })}>
      <span className={classes.dots} aria-hidden style={{ ['--strength-color' as string]: `var(--mantine-color-${STRENGTH_COLORS[strength]}-7)` }}>
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={classes.dot} data-filled={i <= level || undefined} />
        ))}
      </span>
      <Text size="xs">
        <span className="visually-hidden">{t('ratings.strengthPrefix')}</span>
        {strengthLabel(strength)}
      </Text>
    </Group>
  );
}

export function PrimaryStar() {
  const { t } = useTranslation('contacts');
  return (
    <span className={classes.star} title={t('ratings.primary')}>
      <IconStarFilled size={14} aria-hidden />
      <span className="visually-hidden">{t('ratings.primary')}</span>
    </span>
  );
}
