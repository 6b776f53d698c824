import { z } from 'zod';
import { CERTIFICATION_CATEGORIES, REQUIREMENT_COUNTS } from '../compliance.js';
import { NAME_MAX, version } from './common.js';

/** A calendar day, as the `date` columns hold it. */
const isoDate = z.iso.date({ error: 'must be a date such as 2026-11-30' });

/** Limits of a ladder (the database checks min_count too). */
export const MIN_COUNT_MAX = 10_000;
export const LEVELS_MAX = 10;
export const REQUIREMENTS_MAX = 20;
export const CHILDREN_MAX = 5;
export const CHECKLIST_MAX = 20;
export const CERTIFICATION_FILTER_MAX = 50;
const TEXT = 2_000;
const URL_MAX = 2_000;

const name = z.string().trim().min(1, 'is required').max(NAME_MAX, `must be at most ${NAME_MAX} characters`);
const optionalText = z.string().trim().max(TEXT, `must be at most ${TEXT} characters`).nullable().optional();
const url = z
  .url({ protocol: /^https?$/, error: 'must be an http(s) URL' })
  .max(URL_MAX)
  .nullable()
  .optional();

export const createProgramBody = z
  .object({
    name,
    vendor: name,
    description: optionalText,
    url,
    partnerId: z.uuid().nullable().optional(),
    nextReviewOn: isoDate.nullable().optional(),
  })
  .strict();
export type CreateProgramBody = z.input<typeof createProgramBody>;

/** The held level must be one of this programme's levels. */
export const updateProgramBody = z
  .object({
    name: name.optional(),
    vendor: name.optional(),
    description: optionalText,
    url,
    partnerId: z.uuid().nullable().optional(),
    heldLevelId: z.uuid().nullable().optional(),
    heldSince: isoDate.nullable().optional(),
    nextReviewOn: isoDate.nullable().optional(),
    version,
  })
  .strict();
export type UpdateProgramBody = z.input<typeof updateProgramBody>;

const requirementFields = {
  label: z.string().trim().max(NAME_MAX, `must be at most ${NAME_MAX} characters`).nullable().optional(),
  counts: z.enum(REQUIREMENT_COUNTS, { error: `must be one of ${REQUIREMENT_COUNTS.join(', ')}` }),
  minCount: z.number({ error: 'must be a whole number' }).int('must be a whole number').min(1, 'must be at least 1').max(MIN_COUNT_MAX, `must be at most ${MIN_COUNT_MAX}`),
  categories: z
    .array(z.enum(CERTIFICATION_CATEGORIES, { error: `must be one of ${CERTIFICATION_CATEGORIES.join(', ')}` }))
    .max(CERTIFICATION_CATEGORIES.length)
    .default([]),
  certificationIds: z.array(z.uuid()).max(CERTIFICATION_FILTER_MAX).default([]),
};
/** An "of which" condition: counted within its parent's matches; one level deep. */
export const childRequirementInput = z.object(requirementFields).strict();
export const requirementInput = z
  .object({ ...requirementFields, children: z.array(childRequirementInput).max(CHILDREN_MAX, `may have at most ${CHILDREN_MAX} "of which" conditions`).default([]) })
  .strict();
export type RequirementInput = z.input<typeof requirementInput>;

export const checklistItemInput = z.object({ id: z.uuid().optional(), title: name, description: optionalText }).strict();

/** A level of the ladder; its rank is its place in the list (1 = the first, lowest). Give `id` to keep an existing level. */
export const levelInput = z
  .object({
    id: z.uuid().optional(),
    name,
    description: optionalText,
    requirements: z.array(requirementInput).max(REQUIREMENTS_MAX, `may have at most ${REQUIREMENTS_MAX} requirements`).default([]),
    checklist: z.array(checklistItemInput).max(CHECKLIST_MAX, `may have at most ${CHECKLIST_MAX} items`).default([]),
  })
  .strict();
export type LevelInput = z.input<typeof levelInput>;

export const putLevelsBody = z.object({ version, levels: z.array(levelInput).max(LEVELS_MAX, `may have at most ${LEVELS_MAX} levels`) }).strict();
export type PutLevelsBody = z.input<typeof putLevelsBody>;

export const checklistDoneBody = z
  .object({ version, evidence: z.string().trim().min(1, 'is required: say what shows it is done (a note or a link)').max(TEXT, `must be at most ${TEXT} characters`) })
  .strict();

export const listProgramsQuery = z.object({ archived: z.enum(['false', 'true', 'all']).default('false') });

// ---- responses ----

const ref = z.object({ id: z.string(), name: z.string() });
const levelRef = z.object({ id: z.string(), name: z.string(), rank: z.number().int() });

const requirementBase = z.object({
  id: z.string(),
  label: z.string().nullable(),
  counts: z.enum(REQUIREMENT_COUNTS),
  minCount: z.number().int(),
  categories: z.array(z.string()),
  certificationIds: z.array(z.string()),
  /** The requirement as a sentence: "At least 4 people holding AWS Certified …". */
  sentence: z.string(),
});
/** "Of which" conditions are one level deep. */
export const requirementSchema = requirementBase.extend({ children: z.array(requirementBase) });
export type Requirement = z.infer<typeof requirementSchema>;

export const checklistItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  description: z.string().nullable(),
  done: z.boolean(),
  doneAt: z.string().nullable(),
  doneBy: ref.nullable(),
  evidence: z.string().nullable(),
  version: z.number().int(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

const requirementResultBase = z.object({ id: z.string(), count: z.number().int(), minCount: z.number().int(), met: z.boolean(), gap: z.string().nullable() });
export const requirementResultSchema = requirementResultBase.extend({ children: z.array(requirementResultBase) });
export type RequirementResult = z.infer<typeof requirementResultSchema>;

export const levelEvaluationSchema = z.object({ levelId: z.string(), met: z.boolean(), requirements: z.array(requirementResultSchema), gaps: z.array(z.string()) });
export type LevelEvaluation = z.infer<typeof levelEvaluationSchema>;

export const forecastSchema = z.object({
  /** The first day the held level is no longer met if nothing new is earned. */
  date: z.string(),
  requirementIds: z.array(z.string()),
  causes: z.array(z.object({ userId: z.string(), userName: z.string(), certificationId: z.string(), certificationName: z.string(), expiresOn: z.string() })),
});
export type Forecast = z.infer<typeof forecastSchema>;

export const programLevelSchema = z.object({
  id: z.string(),
  name: z.string(),
  rank: z.number().int(),
  description: z.string().nullable(),
  requirements: z.array(requirementSchema),
  checklist: z.array(checklistItemSchema),
  evaluation: levelEvaluationSchema,
});
export type ProgramLevel = z.infer<typeof programLevelSchema>;

const programFields = {
  id: z.string(),
  name: z.string(),
  vendor: z.string(),
  description: z.string().nullable(),
  url: z.string().nullable(),
  partner: ref.nullable(),
  heldLevel: levelRef.nullable(),
  heldSince: z.string().nullable(),
  nextReviewOn: z.string().nullable(),
  archivedAt: z.string().nullable(),
  version: z.number().int(),
};

export const programSummarySchema = z.object({
  ...programFields,
  levels: z.array(levelRef),
  /** Null when no level is held. */
  meetsHeldLevel: z.boolean().nullable(),
  forecastDate: z.string().nullable(),
});
export type ProgramSummary = z.infer<typeof programSummarySchema>;
export const programList = z.object({ items: z.array(programSummarySchema) });

export const programDetailSchema = z.object({
  ...programFields,
  /** The day the evaluation is for (today in Zurich). */
  evaluatedOn: z.string(),
  levels: z.array(programLevelSchema),
  /** The programme's own catalogue, for the ladder editor's filters. */
  certifications: z.array(z.object({ id: z.string(), name: z.string(), examCode: z.string().nullable(), category: z.string() })),
  /** Other programmes' certifications its requirements name (a holding counts for every programme naming it). */
  namedCertifications: z.array(z.object({ id: z.string(), name: z.string(), examCode: z.string().nullable(), category: z.string(), program: ref })),
  held: z.object({ level: levelRef, met: z.boolean(), gaps: z.array(z.string()), forecast: forecastSchema.nullable() }).nullable(),
  /** The level above the held one (the lowest when none is held); null at the top. */
  next: z.object({ level: levelRef, met: z.boolean(), gaps: z.array(z.string()) }).nullable(),
});
export type ProgramDetail = z.infer<typeof programDetailSchema>;
export const programDetailList = z.object({ items: z.array(programDetailSchema) });

// ---- wording, shared by the server's gap text and the web's ladder editor ----

type Filter = { categories: readonly string[]; certificationIds: readonly string[] };
const orList = (items: readonly string[]) => (items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} or ${items.at(-1)}`);
const article = (word: string) => (/^[aeiou]/i.test(word) ? 'an' : 'a');

/** What a requirement's filter accepts, in words: "AWS Certified Cloud Practitioner or an associate certification". */
export function describeFilter(r: Filter, certs: ReadonlyMap<string, { name: string }>, counts: 'people' | 'certifications'): string {
  const names = r.certificationIds.map((id) => certs.get(id)?.name ?? 'an unknown certification');
  const cats = r.categories.length ? orList(r.categories) : '';
  if (counts === 'certifications') return orList([...names, ...(cats ? [cats] : [])]) || 'any certification of the programme';
  const parts = [...names, ...(cats ? [`${article(cats)} ${cats} certification`] : [])];
  return parts.length ? orList(parts) : 'any certification of the programme';
}

/** "At least 4 people holding …" / "At least 6 certifications: …"; a child starts "of which at least". */
export function requirementSentence(
  r: Filter & { counts: 'people' | 'certifications'; minCount: number; label?: string | null },
  certs: ReadonlyMap<string, { name: string }>,
  child = false,
): string {
  const n = r.minCount;
  const head = child ? `Of which at least ${n}` : `At least ${n}`;
  const what =
    r.counts === 'people'
      ? `${n === 1 ? 'person' : 'people'} holding ${describeFilter(r, certs, 'people')}`
      : `${n === 1 ? 'certification' : 'certifications'}: ${describeFilter(r, certs, 'certifications')}`;
  return `${head} ${what}${r.label ? ` (${r.label})` : ''}`;
}
