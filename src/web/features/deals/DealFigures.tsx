import type { ComponentType, ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { DEAL_CURRENCIES } from '../../../shared/deals.js';
import type { DealFigures } from '../../../shared/schemas/deal-figures.js';
import { formatMinor } from '../../lib/format.js';

const TEST_IDS = { open: 'partner-open-pipeline', won: 'partner-won-this-year' } as const;

type Sums = DealFigures['byCurrency']['open'];
const currenciesOf = (...sums: Sums[]) => DEAL_CURRENCIES.filter((c) => sums.some((s) => s[c]));

/**
 * The partner header's deal figures: the open pipeline (unweighted, weighted in brackets) and what was
 * won this year. One amount in CHF when every deal could be converted, else one line per currency
 * (never added across currencies). `Fact` is the header's own label-and-value cell.
 */
export function DealFigureFacts({ figures, Fact }: { figures: DealFigures; Fact: ComponentType<{ label: string; children: ReactNode }> }) {
  const { t } = useTranslation('deals');
  const { byCurrency: by, chf } = figures;
  const open = chf
    ? [t('figures.openValue', { amount: formatMinor(chf.open, 'CHF'), weighted: formatMinor(chf.weighted, 'CHF') })]
    : currenciesOf(by.open).map((c) => t('figures.openValue', { amount: formatMinor(by.open[c], c), weighted: formatMinor(by.weighted[c] ?? 0, c) }));
  const won = chf ? [formatMinor(chf.won, 'CHF')] : currenciesOf(by.won).map((c) => formatMinor(by.won[c], c));
  const lines = (texts: string[], testId: string) => (
    <Stack gap={0} data-testid={testId}>
      {(texts.length ? texts : [t('figures.none')]).map((text) => (
        <Text key={text} span size="sm" display="block">
          {text}
        </Text>
      ))}
    </Stack>
  );
  return (
    <>
      <Fact label={t('figures.open')}>{lines(figures.openCount ? open : [], TEST_IDS.open)}</Fact>
      <Fact label={t('figures.wonThisYear', { year: figures.year })}>{lines(figures.wonCount ? won : [], TEST_IDS.won)}</Fact>
    </>
  );
}
