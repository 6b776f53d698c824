import { Link } from 'react-router';
import { useDraggable } from '@dnd-kit/core';
import { ActionIcon, Anchor, Group, Menu, Paper, Stack, Text } from '@mantine/core';
import { IconArrowsMove, IconDots, IconGripVertical } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { BoardCard, StageRef } from '../../../shared/schemas/opportunity.js';
import { formatDay, formatMinor } from '../../lib/format.js';
import { dealPath, stageName } from './labels.js';
import classes from './Board.module.css';

/** What a card says: title, customer, partners, value (weighted beside it), expected close (or closed) and owner. */
function CardBody({ card, handle, menu }: { card: BoardCard; handle?: React.ReactNode; menu?: React.ReactNode }) {
  const { t } = useTranslation('deals');
  return (
    <Group gap={4} align="flex-start" wrap="nowrap">
      {handle}
      <Stack gap={2} style={{ flex: 1, minWidth: 0 }}>
        <Anchor component={Link} to={dealPath(card.id)} size="sm" fw={600} className={classes.title}>
          {card.title}
        </Anchor>
        <Text size="xs" c="dimmed" truncate>
          {card.customerName}
        </Text>
        {card.partners.length > 0 && (
          <Text size="xs" truncate>
            {card.partners.map((p) => p.name).join(', ')}
          </Text>
        )}
        <Text size="sm" fw={500}>
          {formatMinor(card.valueMinor, card.currency)}
        </Text>
        <Text size="xs" c="dimmed">
          {t('board.weightedValue', { amount: formatMinor(card.weightedMinor, card.currency) })}
        </Text>
        <Text size="xs" c="dimmed">
          {card.closedOn ? t('board.closedOn', { date: formatDay(card.closedOn) }) : t('board.closes', { date: formatDay(card.expectedCloseOn) })}
          {card.owner ? ` · ${card.owner.name}` : ''}
        </Text>
      </Stack>
      {menu}
    </Group>
  );
}

interface Props {
  card: BoardCard;
  /** The column the card is in. */
  stage: StageRef;
  /** Every column, for "Move to…". */
  stages: readonly StageRef[];
  onMove: (card: BoardCard, to: StageRef) => void;
}

/**
 * A deal on the board. When the person may move it (`can.move`): a drag handle (pointer, or the
 * keyboard: focus it, Space lifts, ←/→ change the column, Space drops, Escape cancels) and a
 * "Move to…" menu that does the same without dragging.
 */
export function DealCard({ card, stage, stages, onMove }: Props) {
  const { t } = useTranslation('deals');
  const movable = card.can.move;
  const { setNodeRef, setActivatorNodeRef, attributes, listeners, isDragging } = useDraggable({
    id: card.id,
    data: { card, from: stage.key },
    disabled: !movable,
    attributes: { roleDescription: t('board.roleDescription') },
  });
  const handle = movable ? (
    <ActionIcon
      ref={setActivatorNodeRef}
      variant="subtle"
      color="gray"
      size="sm"
      className={classes.handle}
      data-drag-handle={card.id}
      {...attributes}
      {...listeners}
      aria-label={t('board.dragLabel', { title: card.title, stage: stageName(stage) })}
    >
      <IconGripVertical size={16} aria-hidden />
    </ActionIcon>
  ) : undefined;
  const menu = movable ? (
    <Menu position="bottom-end" withinPortal shadow="md">
      <Menu.Target>
        <ActionIcon variant="subtle" color="gray" size="sm" aria-label={t('board.moveMenu', { title: card.title })} data-testid={`deal-card-move-${card.id}`}>
          <IconDots size={16} aria-hidden />
        </ActionIcon>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Label>{t('board.moveTo')}</Menu.Label>
        {stages
          .filter((s) => s.key !== stage.key)
          .map((s) => (
            <Menu.Item key={s.key} leftSection={<IconArrowsMove size={14} aria-hidden />} onClick={() => onMove(card, s)}>
              {stageName(s)}
            </Menu.Item>
          ))}
      </Menu.Dropdown>
    </Menu>
  ) : undefined;

  return (
    <Paper
      ref={setNodeRef}
      withBorder
      radius="sm"
      p="xs"
      className={classes.card}
      data-dragging={isDragging || undefined}
      data-testid={`deal-card-${card.id}`}
      data-stage={stage.key}
      aria-label={t('board.cardLabel', { title: card.title, customer: card.customerName })}
      role="group"
    >
      <CardBody card={card} handle={handle} menu={menu} />
    </Paper>
  );
}

/** The card that follows the pointer (or the keys) while dragging. */
export function DealCardOverlay({ card }: { card: BoardCard }) {
  return (
    <Paper withBorder radius="sm" p="xs" shadow="md" className={classes.card}>
      <CardBody card={card} />
    </Paper>
  );
}
