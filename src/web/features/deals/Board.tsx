import { useState } from 'react';
import {
  DndContext,
  DragOverlay,
  KeyboardCode,
  KeyboardSensor,
  PointerSensor,
  useDroppable,
  useSensor,
  useSensors,
  type Announcements,
  type DragEndEvent,
  type DragStartEvent,
} from '@dnd-kit/core';
import { Link } from 'react-router';
import { Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEAL_CURRENCIES } from '../../../shared/deals.js';
import { weighted } from '../../../shared/money.js';
import type { Board as BoardData, BoardCard, StageRef } from '../../../shared/schemas/opportunity.js';
import { formatMinor } from '../../lib/format.js';
import { closestColumn, columnByColumn } from './boardKeys.js';
import { DealCard, DealCardOverlay } from './DealCard.js';
import { stageName } from './labels.js';
import classes from './Board.module.css';

type Column = BoardData['columns'][number];

/** A column's sums per currency, never mixed: all its deals (not only the cards shown), and weighted by its stage's probability. */
function ColumnTotals({ column }: { column: Column }) {
  const { t } = useTranslation('deals');
  const sums = DEAL_CURRENCIES.flatMap((c) => (column.valueByCurrency[c] ? [{ currency: c, value: column.valueByCurrency[c] }] : []));
  if (sums.length === 0) return null;
  return (
    <Stack gap={0} data-testid={`board-column-total-${column.key}`}>
      {sums.map(({ currency, value }) => (
        <Text key={currency} size="xs">
          {t('board.total', { amount: formatMinor(value, currency) })}
          {column.kind === 'open' && (
            <Text span size="xs" c="dimmed">
              {' · '}
              {t('board.weighted', { amount: formatMinor(weighted(value, column.probability), currency) })}
            </Text>
          )}
        </Text>
      ))}
    </Stack>
  );
}

function BoardColumn({ column, columns, quarter, onMove }: { column: Column; columns: readonly StageRef[]; quarter: string; onMove: (card: BoardCard, to: StageRef) => void }) {
  const { t } = useTranslation('deals');
  const { setNodeRef, isOver } = useDroppable({ id: column.key, data: { stage: column } });
  const headingId = `board-column-heading-${column.key}`;
  const hidden = column.count - column.cards.length;
  return (
    <section ref={setNodeRef} className={classes.column} aria-labelledby={headingId} data-over={isOver || undefined} data-testid={`board-column-${column.key}`}>
      <Stack gap={4} mb="xs">
        <Group justify="space-between" gap={4} wrap="nowrap">
          <Title order={2} size="h5" id={headingId}>
            {stageName(column)}
          </Title>
          <Badge variant="light" color="gray" aria-hidden>
            {column.count}
          </Badge>
          <span className="visually-hidden">{t('board.count', { count: column.count })}</span>
        </Group>
        {column.kind === 'open' && (
          <Text size="xs" c="dimmed">
            {t('board.probability', { probability: column.probability })}
          </Text>
        )}
        <ColumnTotals column={column} />
      </Stack>
      <ul className={classes.cards} aria-labelledby={headingId}>
        {column.cards.map((card) => (
          <li key={card.id}>
            <DealCard card={card} stage={column} stages={columns} onMove={onMove} />
          </li>
        ))}
      </ul>
      {column.cards.length === 0 && (
        <Text size="xs" c="dimmed" ta="center" py="xs">
          {t('board.noDeals')}
        </Text>
      )}
      {hidden > 0 && (
        <Anchor component={Link} to={`/deals/list?${new URLSearchParams({ stage: column.key, quarter })}`} size="xs" mt="xs" display="block">
          {t('board.more', { count: hidden })}
        </Anchor>
      )}
    </section>
  );
}

/**
 * The deals of a quarter by stage: open stages in their order, then won and lost. A card moves by
 * dragging its handle, by the keyboard (focus the handle, Space, ←/→, Space; Escape cancels), or by
 * its "Move to…" menu; every way ends in `onMove`.
 */
export function Board({ board, onMove }: { board: BoardData; onMove: (card: BoardCard, to: StageRef) => void }) {
  const { t } = useTranslation('deals');
  const [active, setActive] = useState<BoardCard | null>(null);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor, {
      coordinateGetter: columnByColumn,
      keyboardCodes: { start: [KeyboardCode.Space, KeyboardCode.Enter], cancel: [KeyboardCode.Esc, KeyboardCode.Tab], end: [KeyboardCode.Space, KeyboardCode.Enter] },
    }),
  );
  const columnOf = (key: unknown) => board.columns.find((c) => c.key === key);
  const cardOf = (id: unknown) => board.columns.flatMap((c) => c.cards).find((c) => c.id === id);
  const titleOf = (id: unknown) => cardOf(id)?.title ?? '';
  const stageOf = (key: unknown) => {
    const c = columnOf(key);
    return c ? stageName(c) : '';
  };

  const announcements: Announcements = {
    onDragStart: ({ active: a }) => t('board.announce.pickedUp', { title: titleOf(a.id), stage: stageOf(a.data.current?.from) }),
    onDragOver: ({ active: a, over }) =>
      over ? t('board.announce.over', { title: titleOf(a.id), stage: stageOf(over.id) }) : t('board.announce.nowhere', { title: titleOf(a.id) }),
    onDragEnd: ({ active: a, over }) =>
      over && over.id !== a.data.current?.from
        ? t('board.announce.dropped', { title: titleOf(a.id), stage: stageOf(over.id) })
        : t('board.announce.stayed', { title: titleOf(a.id) }),
    onDragCancel: ({ active: a }) => t('board.announce.cancelled', { title: titleOf(a.id) }),
  };

  const start = (e: DragStartEvent) => setActive(cardOf(e.active.id) ?? null);
  const end = (e: DragEndEvent) => {
    setActive(null);
    const card = cardOf(e.active.id);
    const to = columnOf(e.over?.id);
    if (card && to && to.key !== e.active.data.current?.from) onMove(card, to);
  };

  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestColumn}
      onDragStart={start}
      onDragEnd={end}
      onDragCancel={() => setActive(null)}
      accessibility={{ announcements, screenReaderInstructions: { draggable: t('board.instructions') } }}
    >
      <div className={classes.board} data-testid="deal-board">
        {board.columns.map((column) => (
          <BoardColumn key={column.key} column={column} columns={board.columns} quarter={board.quarter} onMove={onMove} />
        ))}
      </div>
      <DragOverlay>{active ? <DealCardOverlay card={active} /> : null}</DragOverlay>
    </DndContext>
  );
}
