import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { Board, StageRef } from '../../../shared/schemas/opportunity.js';
import { errorMessage, isApiError } from '../../api.js';
import { stageName } from './labels.js';
import { LostReasonModal } from './LostReasonModal.js';
import { dealKeys, useMoveStage } from './queries.js';

export interface MovableDeal {
  id: string;
  title: string;
  version: number;
}

/** The board with `deal` already in the column of `to` (until the server's answer replaces it). */
function moved(board: Board, dealId: string, to: StageRef): Board {
  const card = board.columns.flatMap((c) => c.cards).find((c) => c.id === dealId);
  if (!card) return board;
  return {
    ...board,
    columns: board.columns.map((c) =>
      c.key === to.key
        ? { ...c, count: c.count + 1, cards: [card, ...c.cards] }
        : c.cards.some((x) => x.id === dealId)
          ? { ...c, count: c.count - 1, cards: c.cards.filter((x) => x.id !== dealId) }
          : c,
    ),
  };
}

/**
 * Moving a deal to another stage, from the board or the deal's page: a lost stage first asks for the
 * reason (a dialog); a stale version (someone moved or edited it meanwhile) or a refusal is told in a
 * notification, and the lists show the deal as it is. `quarter` moves the card on that board at once.
 * After a move the keyboard focus goes back to the deal's drag handle (its card changed columns).
 */
export function useMoveDeal(quarter?: string) {
  const { t } = useTranslation('deals');
  const qc = useQueryClient();
  const move = useMoveStage();
  const [asking, setAsking] = useState<{ deal: MovableDeal; to: StageRef } | null>(null);

  const send = (deal: MovableDeal, to: StageRef, lostReason?: string) => {
    if (quarter) qc.setQueryData<Board>(dealKeys.board(quarter), (b) => (b ? moved(b, deal.id, to) : b));
    move.mutate(
      { id: deal.id, stage: to.key, version: deal.version, lostReason },
      {
        onSuccess: () => {
          setAsking(null);
          notifications.show({ color: 'teal', message: t('board.moved', { title: deal.title, stage: stageName(to) }) });
          requestAnimationFrame(() => document.querySelector<HTMLElement>(`[data-drag-handle="${CSS.escape(deal.id)}"]`)?.focus());
        },
        onError: (e) => {
          setAsking(null);
          const stale = isApiError(e, 409);
          notifications.show({ color: 'red', title: t('board.moveFailed', { title: deal.title }), message: stale ? t('board.stale') : errorMessage(e) });
        },
      },
    );
  };

  const start = (deal: MovableDeal, to: StageRef) => {
    if (to.kind === 'lost') {
      move.reset();
      setAsking({ deal, to });
    } else send(deal, to);
  };

  const dialog = (
    <LostReasonModal
      target={asking ? { title: asking.deal.title, stageName: stageName(asking.to) } : null}
      onClose={() => setAsking(null)}
      onConfirm={(reason) => asking && send(asking.deal, asking.to, reason)}
      loading={move.isPending}
    />
  );
  return { start, dialog, pending: move.isPending };
}
