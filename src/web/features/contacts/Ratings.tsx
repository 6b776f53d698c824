import { Badge, Group, Text } from '@mantine/core';
import { IconStarFilled } from '@tabler/icons-react';
import { INFLUENCE_COLORS, INFLUENCE_LABELS, STRENGTH_COLORS, STRENGTH_LABELS, STRENGTH_LEVEL, type Influence, type Strength } from './labels.js';
import classes from './Ratings.module.css';

export function InfluenceBadge({ influence }: { influence: Influence | null }) {
  if (!influence) return null;
  return (
    <Badge size="sm" variant="light" color={INFLUENCE_COLORS[influence]} style={{ textTransform: 'none' }}>
      {INFLUENCE_LABELS[influence]}
    </Badge>
  );
}

/** Four dots filled up to the strength, and the word: the colour is never the only cue. */
export function StrengthMeter({ strength }: { strength: Strength | null }) {
  if (!strength) {
    return (
      <Text size="xs" c="dimmed">
        Strength not rated
      </Text>
    );
  }
  const level = STRENGTH_LEVEL[strength];
  return (
    <Group gap={6} wrap="nowrap" title={`Relationship strength: ${STRENGTH_LABELS[strength]}`}>
      <span className={classes.dots} aria-hidden style={{ ['--strength-color' as string]: `var(--mantine-color-${STRENGTH_COLORS[strength]}-7)` }}>
        {[1, 2, 3, 4].map((i) => (
          <span key={i} className={classes.dot} data-filled={i <= level || undefined} />
        ))}
      </span>
      <Text size="xs">
        <span className="visually-hidden">Relationship strength: </span>
        {STRENGTH_LABELS[strength]}
      </Text>
    </Group>
  );
}

export function PrimaryStar() {
  return (
    <span className={classes.star} title="Primary contact">
      <IconStarFilled size={14} aria-hidden />
      <span className="visually-hidden">Primary contact</span>
    </span>
  );
}
