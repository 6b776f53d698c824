import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { ActionIcon, Button, Group, Select, Text } from '@mantine/core';
import { IconChevronLeft, IconChevronRight, IconPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { quarterParam } from '../../../shared/schemas/opportunity.js';
import { PageHeader } from '../../components/PageHeader.js';
import { QueryStates } from '../../components/QueryStates.js';
import { useMe } from '../../components/session.js';
import { formatDay } from '../../lib/format.js';
import { Board } from './Board.js';
import { DealsViews } from './DealsViews.js';
import { currentQuarter, quarterLabel, quarterOptions, shiftQuarter } from './labels.js';
import { OpportunityFormModal, type OpportunityFormTarget } from './OpportunityFormModal.js';
import { boardQuery } from './queries.js';
import { useMoveDeal } from './useMoveDeal.js';

/** Which quarter the board shows: ‹ previous, a list of quarters, next ›; it lives in the address (?quarter=2027-Q1). */
function QuarterPicker({ value, onChange }: { value: string; onChange: (q: string) => void }) {
  const { t } = useTranslation('deals');
  return (
    <Group gap={4} wrap="nowrap">
      <ActionIcon
        variant="default"
        size="lg"
        aria-label={t('quarter.previous', { quarter: quarterLabel(shiftQuarter(value, -1)) })}
        onClick={() => onChange(shiftQuarter(value, -1))}
      >
        <IconChevronLeft size={16} aria-hidden />
      </ActionIcon>
      <Select aria-label={t('quarter.pick')} data={quarterOptions(value)} value={value} onChange={(v) => v && onChange(v)} allowDeselect={false} w={140} />
      <ActionIcon variant="default" size="lg" aria-label={t('quarter.next', { quarter: quarterLabel(shiftQuarter(value, 1)) })} onClick={() => onChange(shiftQuarter(value, 1))}>
        <IconChevronRight size={16} aria-hidden />
      </ActionIcon>
    </Group>
  );
}

/** /deals: the quarter's deals by stage; drag (or the keyboard, or "Move to…") moves one to another stage. */
export function BoardPage() {
  const { t } = useTranslation('deals');
  const me = useMe();
  const [search, setSearch] = useSearchParams();
  const asked = search.get('quarter');
  const quarter = asked && quarterParam.safeParse(asked).success ? asked : currentQuarter();
  const board = useQuery(boardQuery(quarter));
  const mover = useMoveDeal(quarter);
  const [form, setForm] = useState<OpportunityFormTarget | null>(null);
  const pick = (q: string) => setSearch(q === currentQuarter() ? {} : { quarter: q });

  return (
    <>
      <PageHeader
        title={t('board.title')}
        description={t('board.description')}
        actions={
          me.can.writeOpportunities && (
            <Button leftSection={<IconPlus size={16} aria-hidden />} onClick={() => setForm({})}>
              {t('actions.new')}
            </Button>
          )
        }
      />
      <DealsViews />
      <Group justify="space-between" align="center" mb="sm" gap="sm">
        <QuarterPicker value={quarter} onChange={pick} />
        {board.data && (
          <Text size="sm" c="dimmed">
            {t('board.period', { from: formatDay(board.data.from), to: formatDay(board.data.to) })}
          </Text>
        )}
      </Group>
      <QueryStates query={board} loading={t('board.loading')}>
        {(data) => <Board board={data} onMove={mover.start} />}
      </QueryStates>
      {mover.dialog}
      <OpportunityFormModal target={form} onClose={() => setForm(null)} />
    </>
  );
}
