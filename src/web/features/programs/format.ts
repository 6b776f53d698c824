// The programmes' words that are built from data: requirements as sentences, gaps, days, category options.
// The server words the same sentences in English (`sentence`, `gap`); the web words them from the
// requirement itself, in the chosen language.
import { CERTIFICATION_CATEGORIES, type CertificationCategory } from '../../../shared/compliance.js';
import type { ProgramDetail, ProgramLevel } from '../../../shared/schemas/programs.js';
import { i18n } from '../../i18n.js';
export { formatDay } from '../../lib/format.js';

type Counts = 'people' | 'certifications';
type Filter = { categories: readonly string[]; certificationIds: readonly string[] };
type Certs = ReadonlyMap<string, { name: string }>;

export const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** "today", "12 days left", "3 days ago". */
export const daysLeft = (n: number) => (n === 0 ? i18n.t('programs:days.today') : n > 0 ? i18n.t('programs:days.left', { count: n }) : i18n.t('programs:days.ago', { count: -n }));

const isCategory = (c: string): c is CertificationCategory => (CERTIFICATION_CATEGORIES as readonly string[]).includes(c);
/** A category as an option's label ("Associate"). */
export const categoryLabel = (c: string) => (isCategory(c) ? i18n.t(`programs:category.${c}`) : c);
/** A category inside a sentence ("an associate certification"). */
const categoryInSentence = (c: string) => (isCategory(c) ? i18n.t(`programs:categoryInSentence.${c}`) : c);

/** Options whose words are read when shown (the language can change). */
export const categoryOptions = () => CERTIFICATION_CATEGORIES.map((value) => ({ value, label: categoryLabel(value) }));
export const countsOptions = () => (['people', 'certifications'] as const).map((value) => ({ value, label: i18n.t(`programs:counts.${value}`) }));

/** "A, B or C". */
const orList = (items: readonly string[]) =>
  items.length <= 1 ? (items[0] ?? '') : i18n.t('programs:filter.or', { items: items.slice(0, -1).join(', '), last: items.at(-1) ?? '' });

/** What a requirement's filter accepts, in words: "AWS Certified Cloud Practitioner or an associate certification". */
export function describeFilter(r: Filter, certs: Certs, counts: Counts): string {
  const unknown = counts === 'people' ? i18n.t('programs:filter.unknownPeople') : i18n.t('programs:filter.unknownCertifications');
  const names = r.certificationIds.map((id) => certs.get(id)?.name ?? unknown);
  const cats = r.categories.length ? orList(r.categories.map(categoryInSentence)) : '';
  if (counts === 'certifications') return orList([...names, ...(cats ? [cats] : [])]) || i18n.t('programs:filter.anyCertifications');
  const category = cats
    ? /^[aeiou]/i.test(r.categories[0]!)
      ? i18n.t('programs:filter.categoryAn', { categories: cats })
      : i18n.t('programs:filter.categoryA', { categories: cats })
    : '';
  const parts = [...names, ...(category ? [category] : [])];
  return parts.length ? orList(parts) : i18n.t('programs:filter.anyPeople');
}

type Req = Filter & { counts: Counts; minCount: number; label?: string | null };

/** "At least 4 people holding …" / "At least 6 certifications: …"; a child starts "Of which at least". */
export function requirementSentence(r: Req, certs: Certs, child = false): string {
  const values = { count: r.minCount, filter: describeFilter(r, certs, r.counts) };
  const sentence =
    r.counts === 'people'
      ? child
        ? i18n.t('programs:requirement.childPeople', values)
        : i18n.t('programs:requirement.people', values)
      : child
        ? i18n.t('programs:requirement.childCertifications', values)
        : i18n.t('programs:requirement.certifications', values);
  return r.label ? i18n.t('programs:requirement.withLabel', { sentence, label: r.label }) : sentence;
}

/** "Need 2 more people holding …", "Need 3 more certifications: …", or with the requirement's label. */
export function gapText(r: Req, missing: number, certs: Certs): string {
  if (r.label) return i18n.t('programs:gap.label', { missing, label: r.label });
  const filter = describeFilter(r, certs, r.counts);
  return r.counts === 'people' ? i18n.t('programs:gap.people', { count: missing, filter }) : i18n.t('programs:gap.certifications', { count: missing, filter });
}

/** The certifications a programme's requirements can name, by id. */
export const programCertifications = (p: ProgramDetail): Map<string, { name: string }> => new Map([...p.certifications, ...p.namedCertifications].map((c) => [c.id, c]));

/** Whether every certification a requirement names is known here (an archived one is not: then the server's English words it). */
const known = (r: Filter, certs: Certs) => r.certificationIds.every((id) => certs.has(id));

/** A requirement of a programme's level as a sentence. */
export const levelRequirementSentence = (r: Req & { sentence: string }, certs: Certs, child: boolean) => (known(r, certs) ? requirementSentence(r, certs, child) : r.sentence);

/** Every gap of a level, as the server lists them: requirements (parents before their "of which" children), then unticked checklist items. */
export function levelGaps(level: ProgramLevel, certs: Certs): string[] {
  const results = new Map(level.evaluation.requirements.flatMap((r) => [[r.id, r] as const, ...r.children.map((c) => [c.id, c] as const)]));
  const gaps: string[] = [];
  for (const r of level.requirements) {
    for (const x of [r, ...r.children]) {
      const res = results.get(x.id);
      if (!res || res.met) continue;
      gaps.push(known(x, certs) ? gapText(x, res.minCount - res.count, certs) : (res.gap ?? ''));
    }
  }
  for (const c of level.checklist) if (!c.done) gaps.push(i18n.t('programs:gap.checklist', { title: c.title }));
  return gaps.filter(Boolean);
}
