import { z } from 'zod';
import { DEAL_CURRENCIES } from '../deals.js';

const perCurrency = z.object({ CHF: z.number().int().optional(), EUR: z.number().int().optional(), USD: z.number().int().optional() });

/**
 * A partner's deal figures for its page header (issue 13): the open pipeline (every open, not archived
 * deal it is on, whatever the expected close) unweighted and weighted, and what was won this calendar
 * year (Zurich). Exactly per currency; in CHF with each deal converted at the rate of its month (expected
 * close, or closed for won deals); `chf` is null and `missingRates` names the months when a rate is missing.
 */
export const dealFiguresSchema = z.object({
  year: z.number().int(),
  openCount: z.number().int(),
  wonCount: z.number().int(),
  byCurrency: z.object({ open: perCurrency, weighted: perCurrency, won: perCurrency }),
  chf: z.object({ open: z.number().int(), weighted: z.number().int(), won: z.number().int() }).nullable(),
  missingRates: z.array(z.object({ month: z.string(), currency: z.enum(DEAL_CURRENCIES) })),
});
export type DealFigures = z.infer<typeof dealFiguresSchema>;
