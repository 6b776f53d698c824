import type { ClientRect, CollisionDetection, KeyboardCoordinateGetter, UniqueIdentifier } from '@dnd-kit/core';

/**
 * The board's columns lie side by side: a card is over the column whose centre is nearest to the
 * card's centre, left to right, however tall the columns are (so a card from the bottom of a long
 * column still lands in a short one).
 */
export const closestColumn: CollisionDetection = ({ collisionRect, droppableContainers, droppableRects }) => {
  const cx = collisionRect.left + collisionRect.width / 2;
  return droppableContainers
    .flatMap((container) => {
      const rect = droppableRects.get(container.id);
      return rect ? [{ id: container.id, data: { droppableContainer: container, value: Math.abs(rect.left + rect.width / 2 - cx) } }] : [];
    })
    .sort((a, b) => a.data.value - b.data.value);
};

/** The columns' rectangles, left to right. */
function columnsInOrder(rects: Map<UniqueIdentifier, ClientRect>, ids: UniqueIdentifier[]) {
  return ids.flatMap((id) => (rects.get(id) ? [{ id, rect: rects.get(id)! }] : [])).sort((a, b) => a.rect.left - b.rect.left);
}

/**
 * Keyboard moving: with a card lifted (Space), the left and right arrows carry it one column at a
 * time; up and down do nothing (a column's order is by expected close, not chosen).
 */
export const columnByColumn: KeyboardCoordinateGetter = (event, { context, currentCoordinates }) => {
  const step = event.code === 'ArrowRight' ? 1 : event.code === 'ArrowLeft' ? -1 : 0;
  const { collisionRect, droppableRects, droppableContainers, over } = context;
  if (!step || !collisionRect) return undefined;
  const columns = columnsInOrder(
    droppableRects,
    droppableContainers.getEnabled().map((c) => c.id),
  );
  const cx = collisionRect.left + collisionRect.width / 2;
  let at = columns.findIndex((c) => c.id === over?.id);
  if (at < 0) at = columns.findIndex((c) => cx >= c.rect.left && cx <= c.rect.left + c.rect.width);
  const target = columns[at + step];
  if (!target) return undefined;
  return { x: target.rect.left + (target.rect.width - collisionRect.width) / 2, y: currentCoordinates.y };
};
