import type { z } from 'zod';
import type { tFor } from '../../i18n.js';
import type { listProgramsQuery, ProgramSummary } from '../../../shared/schemas/programs.js';
import type { DbOrTx } from '../../db/client.js';
import { dayCell, type ExportColumn } from '../../lib/table-export.js';
import { listPrograms } from './programs.service.js';

/**
 * The programmes list's columns in the reader's language, with the words of its table: the vendor and
 * the ladder the page shows under a programme's name are columns of their own; "Today" is the standing
 * its badge shows (meets the held level today, below it, no level held).
 */
export function programColumns(t: ReturnType<typeof tFor>): ExportColumn<ProgramSummary>[] {
  const standing = (p: ProgramSummary) =>
    !p.heldLevel
      ? t('programs:standing.noLevel')
      : p.meetsHeldLevel
        ? t('programs:standing.meets', { level: p.heldLevel.name })
        : t('programs:standing.below', { level: p.heldLevel.name });
  return [
    { key: 'name', header: t('programs:list.program'), value: (p) => p.name },
    { key: 'vendor', header: t('programs:field.vendor'), value: (p) => p.vendor },
    { key: 'levels', header: t('programs:field.levels'), value: (p) => p.levels.map((l) => l.name).join(' → ') },
    { key: 'partner', header: t('programs:list.partner'), value: (p) => p.partner?.name ?? '' },
    { key: 'heldLevel', header: t('programs:list.level'), value: (p) => p.heldLevel?.name ?? '' },
    { key: 'today', header: t('programs:list.today'), value: standing },
    { key: 'atRisk', header: t('programs:list.atRisk'), value: (p) => dayCell(p.forecastDate) },
    { key: 'review', header: t('programs:list.review'), value: (p) => dayCell(p.nextReviewOn) },
  ];
}

/** The programmes the list's filter (in use, archived, all) matches, in its order: the list's own read (tens of programmes, not paged). */
export const exportPrograms = (db: DbOrTx, q: z.output<typeof listProgramsQuery>, today: string) => listPrograms(db, q, today);
