import type { partnerProgram } from '../../db/schema/index.js';
import type { RequirementCounts } from '../../../shared/compliance.js';
import { requirementSentence, type ProgramDetail, type ProgramSummary, type Requirement } from '../../../shared/schemas/programs.js';
import type { LevelResult } from './levels.core.js';
import { ladderCertifications, type ChecklistRow, type Ladder, type ProgramEvaluation, type RequirementRow } from './programs.evaluate.js';

type Row = typeof partnerProgram.$inferSelect;
export interface ProgramWithPartner {
  program: Row;
  partnerName: string | null;
}

const levelRef = (l: { id: string; name: string; rank: number }) => ({ id: l.id, name: l.name, rank: l.rank });

const base = ({ program: p, partnerName }: ProgramWithPartner, ladder: Ladder) => {
  const held = ladder.levels.find((l) => l.row.id === p.heldLevelId);
  return {
    id: p.id,
    name: p.name,
    vendor: p.vendor,
    description: p.description,
    url: p.url,
    partner: p.partnerId ? { id: p.partnerId, name: partnerName ?? '' } : null,
    heldLevel: held ? levelRef(held.row) : null,
    heldSince: p.heldSince,
    nextReviewOn: p.nextReviewOn,
    archivedAt: p.archivedAt?.toISOString() ?? null,
    version: p.version,
  };
};

export const presentSummary = (p: ProgramWithPartner, ev: ProgramEvaluation & { ladder: Ladder }): ProgramSummary => ({
  ...base(p, ev.ladder),
  levels: ev.ladder.levels.map((l) => levelRef(l.row)),
  meetsHeldLevel: ev.held?.met ?? null,
  forecastDate: ev.held?.forecast?.date ?? null,
});

function presentRequirement(r: RequirementRow & { children?: RequirementRow[] }, certs: ReadonlyMap<string, { name: string }>, child = false): Requirement {
  const counts = r.counts as RequirementCounts;
  return {
    id: r.id,
    label: r.label,
    counts,
    minCount: r.minCount,
    categories: r.categories,
    certificationIds: r.certificationIds,
    sentence: requirementSentence({ ...r, counts }, certs, child),
    children: (r.children ?? []).map((c) => presentRequirement(c, certs, true)),
  };
}

const presentItem = (c: ChecklistRow, names: ReadonlyMap<string, string>) => ({
  id: c.id,
  title: c.title,
  description: c.description,
  done: c.doneAt !== null,
  doneAt: c.doneAt?.toISOString() ?? null,
  doneBy: c.doneBy ? { id: c.doneBy, name: names.get(c.doneBy) ?? '' } : null,
  evidence: c.evidence,
  version: c.version,
});

const noResult = (levelId: string): LevelResult => ({ levelId, met: false, requirements: [], gaps: [] });

/** `names`: display names of the colleagues who ticked checklist items. */
export function presentDetail(p: ProgramWithPartner, ev: ProgramEvaluation & { ladder: Ladder }, evaluatedOn: string, names: ReadonlyMap<string, string>): ProgramDetail {
  const certs = ladderCertifications(ev.ladder);
  const byId = new Map(ev.ladder.levels.map((l) => [l.row.id, l.row]));
  const forecast = ev.held?.forecast;
  return {
    ...base(p, ev.ladder),
    evaluatedOn,
    levels: ev.ladder.levels.map((l) => ({
      id: l.row.id,
      name: l.row.name,
      rank: l.row.rank,
      description: l.row.description,
      requirements: l.requirements.map((r) => presentRequirement(r, certs)),
      checklist: l.checklist.map((c) => presentItem(c, names)),
      evaluation: ev.levels.get(l.row.id) ?? noResult(l.row.id),
    })),
    certifications: ev.ladder.certifications.filter((c) => !c.archivedAt).map((c) => ({ id: c.id, name: c.name, examCode: c.examCode, category: c.category })),
    namedCertifications: ev.ladder.named.map((c) => ({ id: c.id, name: c.name, examCode: c.examCode, category: c.category, program: { id: c.programId, name: c.programName } })),
    held: ev.held
      ? {
          level: levelRef(byId.get(ev.held.levelId)!),
          met: ev.held.met,
          gaps: ev.held.gaps,
          forecast: forecast
            ? {
                date: forecast.date,
                requirementIds: forecast.requirementIds,
                causes: forecast.causes.map(({ userId, userName, certificationId, certificationName, expiresOn }) => ({
                  userId,
                  userName,
                  certificationId,
                  certificationName,
                  expiresOn,
                })),
              }
            : null,
        }
      : null,
    next: ev.next ? { level: levelRef(byId.get(ev.next.levelId)!), met: ev.next.met, gaps: ev.next.gaps } : null,
  };
}

/** What the audit trail keeps of a programme's own fields; the partner and held level by name, as people read the history. */
export const auditableProgram = (p: Row, names: { partner: string | null; level: string | null }) => ({
  name: p.name,
  vendor: p.vendor,
  description: p.description,
  url: p.url,
  partner: p.partnerId ? (names.partner ?? p.partnerId) : null,
  heldLevel: p.heldLevelId ? (names.level ?? p.heldLevelId) : null,
  heldSince: p.heldSince,
  nextReviewOn: p.nextReviewOn,
  archivedAt: p.archivedAt?.toISOString() ?? null,
});

/** A ladder as the audit trail keeps it: one line per level, requirements as sentences, checklist titles. */
export const auditableLadder = (ladder: Ladder): string[] => {
  const certs = ladderCertifications(ladder);
  return ladder.levels.map((l) => {
    const reqs = l.requirements
      .map((r) => presentRequirement(r, certs))
      .flatMap((r) => [r.sentence, ...r.children.map((c) => c.sentence.charAt(0).toLowerCase() + c.sentence.slice(1))]);
    const list = l.checklist.length ? `; checklist: ${l.checklist.map((c) => c.title).join(', ')}` : '';
    return `${l.row.rank}. ${l.row.name}: ${reqs.join(', ') || 'no requirements'}${list}`;
  });
};
